namespace Crm.Projections.Trends;

/// <summary>The counters of <c>trend_daily</c>; each KPI is a ratio of sums of them (see <see cref="KpiCalculator"/>).</summary>
internal enum Counter
{
    Contacts,
    HandledContacts,
    TalkSeconds,
    HoldSeconds,
    WrapUpSeconds,
    OfferedContacts,
    AbandonedContacts,
    CasesOpened,
    Complaints,
    CasesResolved,
    Reopens,
    Escalations,
    EscalatedCases,
    FirstResponseSlaMet,
    FirstResponseSlaBreached,
    ResolutionSlaMet,
    ResolutionSlaBreached,
    FirstResponseSecondsSum,
    FirstResponseCount,
    ResolutionSecondsSum,
    ResolutionCount,
    FcrNumerator,
    FcrDenominator,
    Remedies,
    Refunds,
    CsatAnswers,
    CsatSatisfied,
    CsatSum,
    NpsAnswers,
    NpsPromoters,
    NpsDetractors,
}

/// <summary>The column of each counter, in <see cref="Counter"/> order.</summary>
internal static class Counters
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "contacts", "handled_contacts", "talk_seconds", "hold_seconds", "wrap_up_seconds", "offered_contacts", "abandoned_contacts",
        "cases_opened", "complaints", "cases_resolved", "reopens", "escalations", "escalated_cases",
        "first_response_sla_met", "first_response_sla_breached", "resolution_sla_met", "resolution_sla_breached",
        "first_response_seconds_sum", "first_response_count", "resolution_seconds_sum", "resolution_count",
        "fcr_numerator", "fcr_denominator", "remedies", "refunds",
        "csat_answers", "csat_satisfied", "csat_sum", "nps_answers", "nps_promoters", "nps_detractors",
    ];

    public static int Count => Columns.Count;

    /// <summary>The counters <c>agent_daily</c> keeps.</summary>
    public static IReadOnlyList<Counter> Agent { get; } =
    [
        Counter.Contacts, Counter.HandledContacts, Counter.TalkSeconds, Counter.HoldSeconds, Counter.WrapUpSeconds,
        Counter.CasesResolved, Counter.FcrNumerator, Counter.FcrDenominator,
        Counter.CsatAnswers, Counter.CsatSatisfied, Counter.CsatSum, Counter.Escalations,
    ];

    public static string Column(this Counter counter) => Columns[(int)counter];
}
