using Crm.Domain.Cases;

namespace Crm.Domain.Policies;

/// <summary>How soon a case of one priority must get its first response and its resolution.</summary>
public sealed record SlaTarget
{
    /// <summary>Creates a target; both spans must be positive and the first response must not come after the resolution.</summary>
    public SlaTarget(TimeSpan firstResponse, TimeSpan resolution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstResponse, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        if (firstResponse > resolution)
        {
            throw new ArgumentException($"The first response target {firstResponse} is later than the resolution target {resolution}.", nameof(firstResponse));
        }
        FirstResponse = firstResponse;
        Resolution = resolution;
    }

    /// <summary>Time from opening to the first response.</summary>
    public TimeSpan FirstResponse { get; }

    /// <summary>Time from opening to the (first) resolution.</summary>
    public TimeSpan Resolution { get; }
}

/// <summary>
/// The SLA targets per priority. Comes from configuration and is passed into <see cref="OpenCase"/>;
/// the due times it gives are recorded in <see cref="CaseOpened"/>, so later policy changes never
/// rewrite what was promised.
/// </summary>
/// <param name="Urgent">The target for urgent cases.</param>
/// <param name="High">The target for high-priority cases.</param>
/// <param name="Normal">The target for normal cases.</param>
/// <param name="Low">The target for low-priority cases.</param>
public sealed record SlaPolicy(SlaTarget Urgent, SlaTarget High, SlaTarget Normal, SlaTarget Low)
{
    /// <summary>The defaults: Urgent 1 h / 8 h, High 4 h / 24 h, Normal 8 h / 3 days, Low 3 days / 10 days.</summary>
    public static SlaPolicy Default { get; } = new(
        new SlaTarget(TimeSpan.FromHours(1), TimeSpan.FromHours(8)),
        new SlaTarget(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        new SlaTarget(TimeSpan.FromHours(8), TimeSpan.FromDays(3)),
        new SlaTarget(TimeSpan.FromDays(3), TimeSpan.FromDays(10)));

    /// <summary>The target for <paramref name="priority"/>.</summary>
    public SlaTarget For(Priority priority) => priority switch
    {
        Priority.Urgent => Urgent,
        Priority.High => High,
        Priority.Normal => Normal,
        Priority.Low => Low,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };
}
