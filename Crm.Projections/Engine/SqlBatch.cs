using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections.Engine;

/// <summary>
/// Collects the statements a projection derives from a batch of events and sends them to the
/// server in one round trip (an <see cref="NpgsqlBatch"/>), where they run in order.
/// </summary>
internal sealed class SqlBatch
{
    private readonly List<NpgsqlBatchCommand> _commands = [];

    public int Count => _commands.Count;

    /// <summary>Adds a statement with positional parameters <c>$1</c>, <c>$2</c>, … (see <see cref="Sql"/> for typed values).</summary>
    public void Add(string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        _commands.Add(command);
    }

    public async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (_commands.Count == 0)
        {
            return;
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }
        // A projection sends the same few statements over and over: prepared once on a connection,
        // they are no longer parsed and planned for every event (a rebuild sends millions).
        await batch.PrepareAsync(cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Typed positional parameters (a null still carries its type, so the server never has to guess).</summary>
internal static class Sql
{
    public static NpgsqlParameter Uuid(Guid? value) => Typed(NpgsqlDbType.Uuid, value);

    public static NpgsqlParameter Text(string? value) => Typed(NpgsqlDbType.Text, value);

    public static NpgsqlParameter Int(int? value) => Typed(NpgsqlDbType.Integer, value);

    public static NpgsqlParameter Long(long? value) => Typed(NpgsqlDbType.Bigint, value);

    public static NpgsqlParameter Bool(bool? value) => Typed(NpgsqlDbType.Boolean, value);

    public static NpgsqlParameter Numeric(decimal? value) => Typed(NpgsqlDbType.Numeric, value);

    public static NpgsqlParameter Date(DateOnly? value) => Typed(NpgsqlDbType.Date, value);

    public static NpgsqlParameter Time(TimeOnly? value) => Typed(NpgsqlDbType.Time, value);

    /// <summary>A point in time, truncated to the microsecond PostgreSQL keeps (see <see cref="EventTime"/>).</summary>
    public static NpgsqlParameter Timestamp(DateTimeOffset? value) => Typed(NpgsqlDbType.TimestampTz, value is { } v ? EventTime.Of(v) : (DateTimeOffset?)null);

    public static NpgsqlParameter TextArray(IReadOnlyCollection<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    /// <summary>An array parameter for <c>unnest</c>-based multi-row statements.</summary>
    public static NpgsqlParameter Array<T>(NpgsqlDbType elementType, T[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };

    private static NpgsqlParameter Typed<T>(NpgsqlDbType type, T? value)
        where T : struct => new() { NpgsqlDbType = type, Value = value is { } v ? v : DBNull.Value };

    private static NpgsqlParameter Typed(NpgsqlDbType type, string? value) => new() { NpgsqlDbType = type, Value = (object?)value ?? DBNull.Value };
}

/// <summary>How event times enter the read models.</summary>
internal static class EventTime
{
    /// <summary>
    /// The time in UTC, truncated to whole microseconds. PostgreSQL keeps microseconds; truncating
    /// before any arithmetic makes a figure computed in memory from a fresh event equal to the same
    /// figure computed later from the stored value, so results never depend on batch boundaries.
    /// </summary>
    public static DateTimeOffset Of(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    /// <summary>The UTC calendar day of the time: the day a counter is filed under.</summary>
    public static DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(Of(time).UtcDateTime);

    /// <summary>Whole seconds from <paramref name="from"/> to <paramref name="to"/> (rounded down).</summary>
    public static long Seconds(DateTimeOffset from, DateTimeOffset to) =>
        (long)Math.Floor((Of(to) - Of(from)).TotalSeconds);
}
