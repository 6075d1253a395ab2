namespace Crm.EventStore.Internal;

/// <summary>PostgreSQL keeps microseconds; hashes and comparisons use exactly what it keeps.</summary>
internal static class Timestamps
{
    private const long TicksPerMicrosecond = 10;

    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>Microseconds since 1970-01-01 UTC of a value already truncated to microseconds.</summary>
    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTime.UnixEpoch.Ticks) / TicksPerMicrosecond;

    /// <summary>The UTC <see cref="DateTime"/> Npgsql writes to timestamptz.</summary>
    public static DateTime ToUtcDateTime(DateTimeOffset value) => new(value.UtcTicks, DateTimeKind.Utc);
}
