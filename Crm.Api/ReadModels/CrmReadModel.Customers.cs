using System.Globalization;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Projections;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Api.ReadModels;

internal sealed partial class CrmReadModel
{
    private const string CustomerList = "customer";

    private const string ProfilesSql = """
            SELECT p.customer_id, status, p.name, emails, phones, address_line1, address_line2, postal_code, city, region, country,
                   language, segment, acquired_channel, preferred_channel, marketing_consent, contact_from, contact_to,
                   registered_at, erased_at, open_cases, contacts_total, last_contact_at, csat_sum, csat_count, last_nps,
                   (SELECT count(*)::int FROM __schema__.customer_complaint c WHERE c.customer_id = p.customer_id AND c.opened_at > $2 AND c.opened_at <= $3),
                   r.currencies, r.amounts,
                   o.product_ids, o.skus, o.names, o.purchased_on, o.warranty_until, o.plans, o.subscriptions
            FROM __schema__.customer_profile p
            LEFT JOIN LATERAL (
                SELECT array_agg(currency ORDER BY currency) AS currencies, array_agg(amount ORDER BY currency) AS amounts
                FROM __schema__.customer_refund_total t WHERE t.customer_id = p.customer_id) r ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(product_id ORDER BY purchased_on, product_id) AS product_ids,
                       array_agg(sku ORDER BY purchased_on, product_id) AS skus,
                       array_agg(name ORDER BY purchased_on, product_id) AS names,
                       array_agg(purchased_on ORDER BY purchased_on, product_id) AS purchased_on,
                       array_agg(warranty_until ORDER BY purchased_on, product_id) AS warranty_until,
                       array_agg(plan ORDER BY purchased_on, product_id) AS plans,
                       array_agg(subscription ORDER BY purchased_on, product_id) AS subscriptions
                FROM __schema__.customer_product x WHERE x.customer_id = p.customer_id) o ON true
            WHERE p.customer_id __match__
            """;

    /// <summary>
    /// The profiles of these customers (unknown ids are left out), in one statement: refund totals
    /// and products come along as arrays, because each extra statement costs the database more than
    /// the rows it returns. <paramref name="asOf"/> is "now" for the 30-day complaint count.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CustomerProfile>> ProfilesAsync(IReadOnlyList<Guid> ids, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        // One id (a customer view) is compared as a scalar: PostgreSQL then settles on a cached
        // generic plan, while for "= ANY(array)" it keeps re-planning, which cost more than running it.
        await using var command = _dataSource.CreateCommand(ids.Count == 1 ? _profileOfOne : _profilesOfMany);
        command.Parameters.Add(ids.Count == 1 ? Typed(NpgsqlDbType.Uuid, ids[0]) : UuidArray(ids));
        command.Parameters.Add(Typed(NpgsqlDbType.TimestampTz, Microseconds(asOf - ReadModelQueries.ComplaintWindow)));
        command.Parameters.Add(Typed(NpgsqlDbType.TimestampTz, Microseconds(asOf)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var profiles = new Dictionary<Guid, CustomerProfile>(ids.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = ReadProfile(reader);
            profiles[row.Id] = row with
            {
                Stats = row.Stats with { RefundsTotal = ReadRefunds(reader) },
                Products = ReadProducts(reader),
            };
        }
        return profiles;
    }

    /// <summary>A page of customers, newest registered first, optionally of one segment; erased customers included.</summary>
    /// <exception cref="ArgumentException">The cursor is not one of this list's.</exception>
    public async Task<PageSlice<Guid>> CustomerListAsync(Segment? segment, PageRequest page, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = "WHERE true";
        if (segment is { } s)
        {
            parameters.Add(Typed(NpgsqlDbType.Text, s.ToString()));
            where += " AND segment = $1";
        }
        if (page.Cursor is { } cursor)
        {
            var key = ListCursors.Decode(CustomerList, cursor, 1);
            if (key is null || !Guid.TryParse(key[0], CultureInfo.InvariantCulture, out var after))
            {
                throw new ArgumentException($"'{cursor}' is not a cursor of this list of customers; pass the cursor of a customer of a page of it.", nameof(page));
            }
            parameters.Add(Typed(NpgsqlDbType.Uuid, after));
            where += $" AND customer_id {(page.Backward ? ">" : "<")} ${parameters.Count}";
        }
        parameters.Add(Typed(NpgsqlDbType.Integer, page.Size + 1));
        // Ids are time-ordered (UUIDv7), so the primary key orders customers by registration.
        await using var command = _dataSource.CreateCommand(Read(
            $"SELECT customer_id FROM __schema__.customer_profile {where} ORDER BY customer_id {(page.Backward ? "" : "DESC")} LIMIT ${parameters.Count}"));
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Guid>(page.Size + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetGuid(0));
        }
        return PageSlice<Guid>.FromRows(rows, page, id => ListCursors.Encode(CustomerList, id.ToString("D", CultureInfo.InvariantCulture)));
    }

    /// <summary>How many customers there are, optionally of one segment.</summary>
    public async Task<int> CustomerCountAsync(Segment? segment, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Read(
            segment is null ? "SELECT count(*)::int FROM __schema__.customer_profile" : "SELECT count(*)::int FROM __schema__.customer_profile WHERE segment = $1"));
        if (segment is { } s)
        {
            command.Parameters.Add(Typed(NpgsqlDbType.Text, s.ToString()));
        }
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static Money[] ReadRefunds(NpgsqlDataReader r)
    {
        if (r.IsDBNull(27))
        {
            return [];
        }
        var currencies = r.GetFieldValue<string[]>(27);
        var amounts = r.GetFieldValue<decimal[]>(28);
        var refunds = new Money[currencies.Length];
        for (var i = 0; i < refunds.Length; i++)
        {
            refunds[i] = new Money(amounts[i], currencies[i]);
        }
        return refunds;
    }

    private static OwnedProduct[] ReadProducts(NpgsqlDataReader r)
    {
        if (r.IsDBNull(29))
        {
            return [];
        }
        var ids = r.GetFieldValue<Guid[]>(29);
        var skus = r.GetFieldValue<string[]>(30);
        var names = r.GetFieldValue<string[]>(31);
        var purchased = r.GetFieldValue<DateOnly[]>(32);
        var warranties = r.GetFieldValue<DateOnly?[]>(33);
        var plans = r.GetFieldValue<string?[]>(34);
        var subscriptions = r.GetFieldValue<string[]>(35);
        var products = new OwnedProduct[ids.Length];
        for (var i = 0; i < products.Length; i++)
        {
            products[i] = new OwnedProduct(
                ids[i], skus[i], names[i], purchased[i], warranties[i], plans[i],
                System.Enum.Parse<SubscriptionStatus>(subscriptions[i]));
        }
        return products;
    }

    private static CustomerProfile ReadProfile(NpgsqlDataReader r)
    {
        var address = Text(r, 5) is { } line1
            ? new PostalAddress(line1, Text(r, 6), Text(r, 7), r.GetString(8), Text(r, 9), r.GetString(10))
            : null;
        var hours = Value<TimeOnly>(r, 16) is { } from && Value<TimeOnly>(r, 17) is { } to ? new ContactHours(from, to) : null;
        var csatCount = r.GetInt32(24);
        var stats = new CustomerStats(
            r.GetInt32(20), r.GetInt32(21), OptionalTime(r, 22), KpiCalculator.Mean(r.GetInt32(23), csatCount),
            Value<short>(r, 25), r.GetInt32(26), []);
        return new CustomerProfile(
            r.GetGuid(0), Enum<CustomerStatus>(r, 1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetFieldValue<string[]>(4), address,
            r.GetString(11), Enum<Segment>(r, 12), Enum<Channel>(r, 13), Enum<Channel>(r, 14), r.GetBoolean(15), hours,
            Time(r, 18), OptionalTime(r, 19), stats, []);
    }
}
