using Crm.Projections.Trends;

namespace Crm.Projections;

/// <summary>
/// The counters every KPI is computed from, summed over a period and a slice (a dimension value, an
/// agent, or everything). They add up: the counters of a week are the sums of its days'.
/// </summary>
public sealed record KpiCounters
{
    /// <summary>Logged contacts on every channel, both directions.</summary>
    public long Contacts { get; init; }

    /// <summary>Logged contacts on Phone and Chat: the contacts handle time is measured over.</summary>
    public long HandledContacts { get; init; }

    /// <summary>Talk seconds of the handled contacts.</summary>
    public long TalkSeconds { get; init; }

    /// <summary>Hold seconds of the handled contacts.</summary>
    public long HoldSeconds { get; init; }

    /// <summary>Wrap-up seconds of the handled contacts.</summary>
    public long WrapUpSeconds { get; init; }

    /// <summary>Offered contacts: answered inbound contacts that came through a queue, plus abandoned contacts.</summary>
    public long OfferedContacts { get; init; }

    /// <summary>Contacts that gave up waiting in a queue.</summary>
    public long AbandonedContacts { get; init; }

    /// <summary>Cases opened.</summary>
    public long CasesOpened { get; init; }

    /// <summary>Cases of kind Complaint opened.</summary>
    public long Complaints { get; init; }

    /// <summary>Cases resolved for the first time (a case resolved again after a reopening is not counted twice).</summary>
    public long CasesResolved { get; init; }

    /// <summary>Reopenings.</summary>
    public long Reopens { get; init; }

    /// <summary>Escalations (a case escalated twice counts twice).</summary>
    public long Escalations { get; init; }

    /// <summary>Cases escalated for the first time.</summary>
    public long EscalatedCases { get; init; }

    /// <summary>First responses at or before their due time.</summary>
    public long FirstResponseSlaMet { get; init; }

    /// <summary>First-response SLA breaches.</summary>
    public long FirstResponseSlaBreached { get; init; }

    /// <summary>First resolutions at or before their due time.</summary>
    public long ResolutionSlaMet { get; init; }

    /// <summary>Resolution SLA breaches.</summary>
    public long ResolutionSlaBreached { get; init; }

    /// <summary>Seconds from opening to first response, summed over the first responses.</summary>
    public long FirstResponseSecondsSum { get; init; }

    /// <summary>First responses measured.</summary>
    public long FirstResponseCount { get; init; }

    /// <summary>Seconds from opening to first resolution, summed over the first resolutions.</summary>
    public long ResolutionSecondsSum { get; init; }

    /// <summary>First resolutions measured.</summary>
    public long ResolutionCount { get; init; }

    /// <summary>Resolved cases with exactly one customer contact and never reopened.</summary>
    public long FcrNumerator { get; init; }

    /// <summary>Resolved cases (counted at their first resolution).</summary>
    public long FcrDenominator { get; init; }

    /// <summary>Remedies issued (refunds, exchanges, service adjustments).</summary>
    public long Remedies { get; init; }

    /// <summary>Refunds issued.</summary>
    public long Refunds { get; init; }

    /// <summary>CSAT answers (1–5).</summary>
    public long CsatAnswers { get; init; }

    /// <summary>CSAT answers of 4 or 5.</summary>
    public long CsatSatisfied { get; init; }

    /// <summary>The sum of the CSAT answers.</summary>
    public long CsatSum { get; init; }

    /// <summary>NPS answers (0–10).</summary>
    public long NpsAnswers { get; init; }

    /// <summary>NPS answers of 9 or 10.</summary>
    public long NpsPromoters { get; init; }

    /// <summary>NPS answers of 0 to 6.</summary>
    public long NpsDetractors { get; init; }

    /// <summary>The counters from values indexed by <see cref="Counter"/>.</summary>
    internal static KpiCounters From(Func<Counter, long> value) => new()
    {
        Contacts = value(Counter.Contacts),
        HandledContacts = value(Counter.HandledContacts),
        TalkSeconds = value(Counter.TalkSeconds),
        HoldSeconds = value(Counter.HoldSeconds),
        WrapUpSeconds = value(Counter.WrapUpSeconds),
        OfferedContacts = value(Counter.OfferedContacts),
        AbandonedContacts = value(Counter.AbandonedContacts),
        CasesOpened = value(Counter.CasesOpened),
        Complaints = value(Counter.Complaints),
        CasesResolved = value(Counter.CasesResolved),
        Reopens = value(Counter.Reopens),
        Escalations = value(Counter.Escalations),
        EscalatedCases = value(Counter.EscalatedCases),
        FirstResponseSlaMet = value(Counter.FirstResponseSlaMet),
        FirstResponseSlaBreached = value(Counter.FirstResponseSlaBreached),
        ResolutionSlaMet = value(Counter.ResolutionSlaMet),
        ResolutionSlaBreached = value(Counter.ResolutionSlaBreached),
        FirstResponseSecondsSum = value(Counter.FirstResponseSecondsSum),
        FirstResponseCount = value(Counter.FirstResponseCount),
        ResolutionSecondsSum = value(Counter.ResolutionSecondsSum),
        ResolutionCount = value(Counter.ResolutionCount),
        FcrNumerator = value(Counter.FcrNumerator),
        FcrDenominator = value(Counter.FcrDenominator),
        Remedies = value(Counter.Remedies),
        Refunds = value(Counter.Refunds),
        CsatAnswers = value(Counter.CsatAnswers),
        CsatSatisfied = value(Counter.CsatSatisfied),
        CsatSum = value(Counter.CsatSum),
        NpsAnswers = value(Counter.NpsAnswers),
        NpsPromoters = value(Counter.NpsPromoters),
        NpsDetractors = value(Counter.NpsDetractors),
    };
}
