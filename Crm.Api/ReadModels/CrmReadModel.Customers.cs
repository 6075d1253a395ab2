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

    /// <summary>
    /// The profiles of these customers (unknown ids are left out), in one round trip.
    /// <paramref name="asOf"/> is "now" for the 30-day complaint count.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CustomerProfile>> ProfilesAsync(IReadOnlyList<Guid> ids, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, """
            SELECT customer_id, status, name, emails, phones, address_line1, address_line2, postal_code, city, region, country,
                   language, segment, acquired_channel, preferred_channel, marketing_consent, contact_from, contact_to,
                   registered_at, erased_at, open_cases, contacts_total, last_contact_at, csat_sum, csat_count, last_nps,
                   (SELECT count(*)::int FROM __schema__.customer_complaint c WHERE c.customer_id = p.customer_id AND c.opened_at > $2 AND c.opened_at <= $3)
            FROM __schema__.customer_profile p WHERE customer_id = ANY($1)
            """,
            UuidArray(ids),
            Typed(NpgsqlDbType.TimestampTz, Microseconds(asOf - ReadModelQueries.ComplaintWindow)),
            Typed(NpgsqlDbType.TimestampTz, Microseconds(asOf)));
        Add(batch, "SELECT customer_id, currency, amount FROM __schema__.customer_refund_total WHERE customer_id = ANY($1) ORDER BY customer_id, currency", UuidArray(ids));
        Add(batch, """
            SELECT customer_id, product_id, sku, name, purchased_on, warranty_until, plan, subscription
            FROM __schema__.customer_product WHERE customer_id = ANY($1) ORDER BY customer_id, purchased_on, product_id
            """, UuidArray(ids));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CustomerProfile>(ids.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadProfile(reader));
        }
        await reader.NextResultAsync(cancellationToken);
        var refunds = new Dictionary<Guid, List<Money>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            Group(refunds, reader.GetGuid(0)).Add(new Money(reader.GetDecimal(2), reader.GetString(1)));
        }
        await reader.NextResultAsync(cancellationToken);
        var products = new Dictionary<Guid, List<OwnedProduct>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            Group(products, reader.GetGuid(0)).Add(new OwnedProduct(
                reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateOnly>(4), Value<DateOnly>(reader, 5),
                Text(reader, 6), Enum<SubscriptionStatus>(reader, 7)));
        }
        var profiles = new Dictionary<Guid, CustomerProfile>(rows.Count);
        foreach (var row in rows)
        {
            profiles[row.Id] = row with
            {
                Stats = row.Stats with { RefundsTotal = refunds.GetValueOrDefault(row.Id) ?? [] },
                Products = products.GetValueOrDefault(row.Id) ?? [],
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

    private void Add(NpgsqlBatch batch, string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(Read(sql));
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(command);
    }

    private static List<T> Group<T>(Dictionary<Guid, List<T>> groups, Guid key)
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }
        return list;
    }
}
