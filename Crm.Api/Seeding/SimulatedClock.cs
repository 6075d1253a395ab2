namespace Crm.Api.Seeding;

/// <summary>
/// The clock of one simulated participant (a customer with their cases, or a queue): the
/// <see cref="TimeProvider"/> its commands read <c>Now</c> from. It only moves forward, so the
/// events of every stream it writes are in time order.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>The current simulated moment.</summary>
    public DateTimeOffset Now { get; private set; } = Truncate(start);

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Moves to <paramref name="moment"/>, or stays where it is when that lies in its past.</summary>
    public DateTimeOffset AdvanceTo(DateTimeOffset moment)
    {
        var truncated = Truncate(moment);
        if (truncated > Now)
        {
            Now = truncated;
        }
        return Now;
    }

    /// <summary>Moves forward by <paramref name="span"/> (nothing for a span that is not positive).</summary>
    public DateTimeOffset Advance(TimeSpan span) => AdvanceTo(Now + span);

    // Whole milliseconds: what UUIDv7 timestamps hold, and safely within what PostgreSQL stores.
    private static DateTimeOffset Truncate(DateTimeOffset moment) =>
        DateTimeOffset.FromUnixTimeMilliseconds(moment.ToUnixTimeMilliseconds());
}
