using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Projections.Engine;
using Crm.Projections.Profiles;
using Npgsql;

namespace Crm.Projections;

/// <summary>A customer's profile: current details, products and service statistics.</summary>
/// <param name="Id">The customer.</param>
/// <param name="Status">Active, or Erased (personal fields then read <c>erased</c> or are empty).</param>
/// <param name="Name">The name.</param>
/// <param name="Emails">E-mail addresses.</param>
/// <param name="Phones">Phone numbers.</param>
/// <param name="Address">Postal address, if known.</param>
/// <param name="Language">Preferred language tag.</param>
/// <param name="Segment">Consumer, Business or Vip.</param>
/// <param name="AcquiredThrough">The channel the customer came through.</param>
/// <param name="PreferredChannel">The channel to contact them on.</param>
/// <param name="MarketingConsent">Whether they agreed to marketing.</param>
/// <param name="ContactHours">When to contact them, if they said.</param>
/// <param name="RegisteredAt">When they were registered.</param>
/// <param name="ErasedAt">When their personal data was erased.</param>
/// <param name="Stats">Service statistics.</param>
/// <param name="Products">Products and subscriptions, by purchase date.</param>
public sealed record CustomerProfile(
    Guid Id,
    CustomerStatus Status,
    string Name,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    PostalAddress? Address,
    string Language,
    Segment Segment,
    Channel AcquiredThrough,
    Channel PreferredChannel,
    bool MarketingConsent,
    ContactHours? ContactHours,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ErasedAt,
    CustomerStats Stats,
    IReadOnlyList<OwnedProduct> Products);

/// <summary>A customer's service statistics (SPEC section 4).</summary>
/// <param name="OpenCases">Cases open now (opened or reopened, not resolved).</param>
/// <param name="ContactsTotal">Contacts logged on every channel.</param>
/// <param name="LastContactAt">When the latest contact started.</param>
/// <param name="AverageCsat">Mean CSAT answer (1–5); null without answers.</param>
/// <param name="LastNps">The latest NPS answer (0–10).</param>
/// <param name="ComplaintsLast30Days">Complaints opened in the 30 days up to the moment asked about.</param>
/// <param name="RefundsTotal">Refunded money, one amount per currency.</param>
public sealed record CustomerStats(
    int OpenCases,
    int ContactsTotal,
    DateTimeOffset? LastContactAt,
    decimal? AverageCsat,
    int? LastNps,
    int ComplaintsLast30Days,
    IReadOnlyList<Money> RefundsTotal);

/// <summary>A customer found by <see cref="ReadModelQueries.SearchCustomersAsync"/>.</summary>
/// <param name="Id">The customer.</param>
/// <param name="Name">The name.</param>
/// <param name="Emails">E-mail addresses.</param>
/// <param name="Phones">Phone numbers.</param>
/// <param name="Segment">Consumer, Business or Vip.</param>
/// <param name="Score">How well it matches, from 0 to 1: 1 for a name that starts with the text, less for matches inside a word, trigram similarity for fuzzy ones.</param>
public sealed record CustomerMatch(Guid Id, string Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, Segment Segment, double Score);

public sealed partial class ReadModelQueries
{
    /// <summary>The most matches one search returns.</summary>
    public const int MaxSearchResults = 100;

    /// <summary>How far back <see cref="CustomerStats.ComplaintsLast30Days"/> looks.</summary>
    public static readonly TimeSpan ComplaintWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// The profile of <paramref name="customerId"/>, or null when no such customer is registered.
    /// <paramref name="asOf"/> is "now" for the 30-day complaint count: complaints opened after
    /// <c>asOf − 30 days</c> and not after <paramref name="asOf"/>.
    /// </summary>
    public async Task<CustomerProfile?> ProfileAsync(Guid customerId, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, """
            SELECT customer_id, status, name, emails, phones, address_line1, address_line2, postal_code, city, region, country,
                   language, segment, acquired_channel, preferred_channel, marketing_consent, contact_from, contact_to,
                   registered_at, erased_at, open_cases, contacts_total, last_contact_at, csat_sum, csat_count, last_nps,
                   (SELECT count(*)::int FROM __schema__.customer_complaint c WHERE c.customer_id = p.customer_id AND c.opened_at > $2 AND c.opened_at <= $3)
            FROM __schema__.customer_profile p WHERE customer_id = $1
            """, Sql.Uuid(customerId), Sql.Timestamp(asOf - ComplaintWindow), Sql.Timestamp(asOf));
        Add(batch, "SELECT currency, amount FROM __schema__.customer_refund_total WHERE customer_id = $1 ORDER BY currency", Sql.Uuid(customerId));
        Add(batch, """
            SELECT product_id, sku, name, purchased_on, warranty_until, plan, subscription
            FROM __schema__.customer_product WHERE customer_id = $1 ORDER BY purchased_on, product_id
            """, Sql.Uuid(customerId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var (profile, stats) = ReadProfile(reader);
        await reader.NextResultAsync(cancellationToken);
        var refunds = new List<Money>();
        while (await reader.ReadAsync(cancellationToken))
        {
            refunds.Add(new Money(reader.GetDecimal(1), reader.GetString(0)));
        }
        await reader.NextResultAsync(cancellationToken);
        var products = new List<OwnedProduct>();
        while (await reader.ReadAsync(cancellationToken))
        {
            products.Add(new OwnedProduct(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3), Value<DateOnly>(reader, 4),
                Text(reader, 5), System.Enum.Parse<SubscriptionStatus>(reader.GetString(6))));
        }
        return profile with { Stats = stats with { RefundsTotal = refunds }, Products = products };
    }

    /// <summary>The profile row; refunds and products are read from the next result sets.</summary>
    private static (CustomerProfile Profile, CustomerStats Stats) ReadProfile(NpgsqlDataReader r)
    {
        var address = Text(r, 5) is { } line1
            ? new PostalAddress(line1, Text(r, 6), Text(r, 7), r.GetString(8), Text(r, 9), r.GetString(10))
            : null;
        var hours = Value<TimeOnly>(r, 16) is { } from && Value<TimeOnly>(r, 17) is { } to ? new ContactHours(from, to) : null;
        var stats = new CustomerStats(
            OpenCases: r.GetInt32(20),
            ContactsTotal: r.GetInt32(21),
            LastContactAt: OptionalTime(r, 22),
            AverageCsat: KpiCalculator.Mean(r.GetInt32(23), r.GetInt32(24)),
            LastNps: Value<short>(r, 25),
            ComplaintsLast30Days: r.GetInt32(26),
            RefundsTotal: []);
        var profile = new CustomerProfile(
            r.GetGuid(0), System.Enum.Parse<CustomerStatus>(r.GetString(1)), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetFieldValue<string[]>(4),
            address, r.GetString(11), System.Enum.Parse<Segment>(r.GetString(12)), System.Enum.Parse<Channel>(r.GetString(13)),
            System.Enum.Parse<Channel>(r.GetString(14)), r.GetBoolean(15), hours, Time(r, 18), OptionalTime(r, 19), stats, []);
        return (profile, stats);
    }

    /// <summary>
    /// Customers (not erased) whose name, e-mail or phone matches <paramref name="text"/>, best first:
    /// names and e-mails starting with the text, then words of the name starting with it, then the
    /// text anywhere in a name, e-mail or phone (phones compared by their digits), then fuzzy name
    /// matches by trigram similarity (typos, swapped letters). E-mails are not matched fuzzily: shared
    /// domains would make every address look alike. Ties are ordered by name.
    /// </summary>
    /// <exception cref="ArgumentException">The text has fewer than 2 letters or digits.</exception>
    public async Task<IReadOnlyList<CustomerMatch>> SearchCustomersAsync(string text, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = SearchKeys.Name(text);
        if (query.Count(char.IsLetterOrDigit) < 2)
        {
            throw new ArgumentException($"Search for at least 2 letters or digits; '{text}' has fewer.", nameof(text));
        }
        if (limit is < 1 or > MaxSearchResults)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A search returns from 1 to {MaxSearchResults} customers; {limit} were asked for.");
        }
        var digits = SearchKeys.Digits(text);
        // A phone is searched only when the text is a phone-like run of digits.
        var phone = digits.Length >= 3 && !query.Any(char.IsLetter) ? Like(digits) : null;

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT customer_id, name, emails, phones, segment, score FROM (
                SELECT p.customer_id, p.name, p.emails, p.phones, p.segment, p.name_search,
                    GREATEST(
                        CASE WHEN p.name_search LIKE $2 || '%' OR p.email_search LIKE $2 || '%' OR p.email_search LIKE '% ' || $2 || '%' THEN 1.0
                             WHEN p.name_search LIKE '% ' || $2 || '%' THEN 0.9
                             WHEN p.name_search LIKE '%' || $2 || '%' OR p.email_search LIKE '%' || $2 || '%' THEN 0.8
                             ELSE 0 END,
                        CASE WHEN $3::text IS NOT NULL AND p.phone_search LIKE '%' || $3 || '%' THEN 0.8 ELSE 0 END,
                        0.7 * GREATEST(similarity(p.name_search, $1), word_similarity($1, p.name_search))
                    )::float8 AS score
                FROM __schema__.customer_profile p
                WHERE p.status = 'Active'
                  AND (p.name_search LIKE '%' || $2 || '%'
                       OR p.email_search LIKE '%' || $2 || '%'
                       OR ($3::text IS NOT NULL AND p.phone_search LIKE '%' || $3 || '%')
                       OR p.name_search % $1
                       OR $1 <% p.name_search)
            ) m
            ORDER BY score DESC, name_search, customer_id
            LIMIT $4
            """);
        command.Parameters.AddRange(new[] { Sql.Text(query), Sql.Text(Like(query)), Sql.Text(phone), Sql.Int(limit) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var matches = new List<CustomerMatch>();
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new CustomerMatch(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3),
                System.Enum.Parse<Segment>(reader.GetString(4)), reader.GetDouble(5)));
        }
        return matches;
    }

    /// <summary>The text with LIKE's wildcards and escape character escaped, so it matches literally.</summary>
    private static string Like(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
