using System.Globalization;
using System.Text;
using Crm.Domain.Common;
using Crm.Projections;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Api.ReadModels;

internal sealed partial class CrmReadModel
{
    private const string CaseTimelineList = "case-timeline";

    /// <summary>
    /// A page of one case's entries in its customer's timeline (the case's own events and the
    /// contacts linked to it), newest first, read through the customer's timeline index.
    /// </summary>
    /// <exception cref="ArgumentException">The cursor is not one of this list's.</exception>
    public async Task<PageSlice<TimelineEntry>> CaseTimelineAsync(
        Guid customerId, Guid caseId, TimelineFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var (where, parameters) = TimelineWhere(customerId, filter);
        parameters.Add(Typed(NpgsqlDbType.Uuid, caseId));
        where.Append(CultureInfo.InvariantCulture, $" AND case_id = ${parameters.Count}");
        if (page.Cursor is { } cursor)
        {
            var key = ListCursors.Decode(CaseTimelineList, cursor, 2);
            if (key is null
                || !long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks
                || !long.TryParse(key[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                throw new ArgumentException($"'{cursor}' is not a cursor of this case's timeline; pass the cursor of an entry of a page of it.", nameof(page));
            }
            parameters.Add(Typed(NpgsqlDbType.TimestampTz, new DateTimeOffset(ticks, TimeSpan.Zero)));
            parameters.Add(Typed(NpgsqlDbType.Bigint, position));
            where.Append(CultureInfo.InvariantCulture, $" AND (at, position) {(page.Backward ? ">" : "<")} (${parameters.Count - 1}, ${parameters.Count})");
        }
        parameters.Add(Typed(NpgsqlDbType.Integer, page.Size + 1));
        var order = page.Backward ? "at, position" : "at DESC, position DESC";
        await using var command = _dataSource.CreateCommand(Read($"""
            SELECT position, customer_id, stream_id, stream_version, at, kind, title, summary, actor_id, actor_name, actor_role, channel, case_id
            FROM __schema__.customer_timeline {where} ORDER BY {order} LIMIT ${parameters.Count}
            """));
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<TimelineEntry>(page.Size + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TimelineEntry(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), Time(reader, 4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetGuid(8), reader.GetString(9), Enum<ActorRole>(reader, 10),
                OptionalEnum<Channel>(reader, 11), Value<Guid>(reader, 12)));
        }
        return PageSlice<TimelineEntry>.FromRows(rows, page, e => ListCursors.Encode(
            CaseTimelineList, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + e.Position.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>How many timeline entries of the customer (of one case, when given) match the filter.</summary>
    public async Task<int> TimelineCountAsync(Guid customerId, Guid? caseId, TimelineFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = TimelineWhere(customerId, filter);
        if (caseId is { } id)
        {
            parameters.Add(Typed(NpgsqlDbType.Uuid, id));
            where.Append(CultureInfo.InvariantCulture, $" AND case_id = ${parameters.Count}");
        }
        await using var command = _dataSource.CreateCommand(Read($"SELECT count(*)::int FROM __schema__.customer_timeline {where}"));
        command.Parameters.AddRange(parameters.ToArray());
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static (StringBuilder Where, List<NpgsqlParameter> Parameters) TimelineWhere(Guid customerId, TimelineFilter filter)
    {
        var where = new StringBuilder("WHERE customer_id = $1");
        var parameters = new List<NpgsqlParameter> { Typed(NpgsqlDbType.Uuid, customerId) };
        if (filter.Kinds is { } kinds)
        {
            parameters.Add(TextArray([.. kinds]));
            where.Append(CultureInfo.InvariantCulture, $" AND kind = ANY(${parameters.Count})");
        }
        if (filter.From is { } from)
        {
            parameters.Add(Typed(NpgsqlDbType.TimestampTz, Microseconds(from)));
            where.Append(CultureInfo.InvariantCulture, $" AND at >= ${parameters.Count}");
        }
        if (filter.Before is { } before)
        {
            parameters.Add(Typed(NpgsqlDbType.TimestampTz, Microseconds(before)));
            where.Append(CultureInfo.InvariantCulture, $" AND at < ${parameters.Count}");
        }
        return (where, parameters);
    }
}
