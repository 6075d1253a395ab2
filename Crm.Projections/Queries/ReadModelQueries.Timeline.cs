using System.Globalization;
using Crm.Domain.Common;
using Crm.Projections.Engine;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections;

/// <summary>One entry of a customer's timeline.</summary>
/// <param name="Position">The event's global position (breaks ties between entries at the same time).</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="StreamId">The event's stream.</param>
/// <param name="StreamVersion">The event's version in its stream.</param>
/// <param name="At">When it happened (business time).</param>
/// <param name="Kind">The event's name, e.g. <c>InteractionLogged</c>, <c>CaseOpened</c>.</param>
/// <param name="Title">A short title without personal data.</param>
/// <param name="Summary">One line of detail; <c>erased</c> once the customer's data is erased.</param>
/// <param name="ActorId">Who did it.</param>
/// <param name="ActorName">Their display name.</param>
/// <param name="ActorRole">The role they acted in.</param>
/// <param name="Channel">The channel, for contacts, case openings, follow-ups and registration.</param>
/// <param name="CaseId">The case it belongs to or is linked to, if any.</param>
public sealed record TimelineEntry(
    long Position,
    Guid CustomerId,
    string StreamId,
    long StreamVersion,
    DateTimeOffset At,
    string Kind,
    string Title,
    string Summary,
    Guid ActorId,
    string ActorName,
    ActorRole ActorRole,
    Channel? Channel,
    Guid? CaseId);

/// <summary>Which timeline entries to list.</summary>
public sealed record TimelineFilter
{
    /// <summary>No filter: every entry.</summary>
    public static TimelineFilter None { get; } = new();

    /// <summary>Only entries of these kinds (event names); all kinds when null.</summary>
    public IReadOnlyCollection<string>? Kinds { get; init; }

    /// <summary>Only entries at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries before this time.</summary>
    public DateTimeOffset? Before { get; init; }
}

public sealed partial class ReadModelQueries
{
    private const string TimelineList = "timeline";

    /// <summary>
    /// A page of the customer's timeline, newest first (by time, then position), after the entry
    /// whose cursor is <paramref name="after"/>.
    /// </summary>
    public async Task<Page<TimelineEntry>> TimelineAsync(
        Guid customerId, TimelineFilter? filter = null, int first = 50, string? after = null, CancellationToken cancellationToken = default)
    {
        filter ??= TimelineFilter.None;
        Cursors.CheckPageSize(first);
        CheckRange(filter.From, filter.Before, "timeline");
        if (filter.Kinds is { Count: 0 })
        {
            throw new ArgumentException("The kinds filter is empty; leave it out to list every kind.", nameof(filter));
        }

        var sql = new List<string>
        {
            """
            SELECT position, customer_id, stream_id, stream_version, at, kind, title, summary, actor_id, actor_name, actor_role, channel, case_id
            FROM __schema__.customer_timeline
            WHERE customer_id = $1
            """,
        };
        var parameters = new List<NpgsqlParameter> { Sql.Uuid(customerId) };
        if (filter.Kinds is { } kinds)
        {
            parameters.Add(Sql.Array(NpgsqlDbType.Text, kinds.ToArray()));
            sql.Add($"AND kind = ANY(${parameters.Count})");
        }
        if (filter.From is { } from)
        {
            parameters.Add(Sql.Timestamp(from));
            sql.Add($"AND at >= ${parameters.Count}");
        }
        if (filter.Before is { } before)
        {
            parameters.Add(Sql.Timestamp(before));
            sql.Add($"AND at < ${parameters.Count}");
        }
        if (after is not null)
        {
            var key = Cursors.Decode(TimelineList, after, 2);
            parameters.Add(Sql.Timestamp(new DateTimeOffset(long.Parse(key[0], CultureInfo.InvariantCulture), TimeSpan.Zero)));
            parameters.Add(Sql.Long(long.Parse(key[1], CultureInfo.InvariantCulture)));
            sql.Add($"AND (at, position) < (${parameters.Count - 1}, ${parameters.Count})");
        }
        parameters.Add(Sql.Int(first + 1));
        sql.Add($"ORDER BY at DESC, position DESC LIMIT ${parameters.Count}");

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, string.Join('\n', sql));
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<TimelineEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TimelineEntry(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt64(3), Time(reader, 4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetGuid(8), reader.GetString(9), System.Enum.Parse<ActorRole>(reader.GetString(10)),
                Enum<Channel>(reader, 11), Value<Guid>(reader, 12)));
        }
        return ToPage(entries, first, e => Cursors.Encode(
            TimelineList, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture), e.Position.ToString(CultureInfo.InvariantCulture)));
    }

    private static Page<T> ToPage<T>(List<T> rows, int first, Func<T, string> cursor) =>
        new([.. rows.Take(first).Select(r => new Edge<T>(r, cursor(r)))], rows.Count > first);
}
