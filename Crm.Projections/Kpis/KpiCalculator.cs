namespace Crm.Projections;

/// <summary>
/// The KPI formulas, as pure functions of summed counters. Each returns <see langword="null"/> when
/// its denominator is zero. The formulas, exactly:
/// <list type="bullet">
/// <item>FCR = resolved cases with exactly one customer contact and never reopened ÷ resolved cases</item>
/// <item>AHT = (talk + hold + wrap-up seconds) ÷ handled contacts, over Phone and Chat</item>
/// <item>CSAT = answers of 4 or 5 ÷ all answers, on the 1–5 scale</item>
/// <item>NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100</item>
/// <item>Abandonment rate = abandoned ÷ offered, offered = answered inbound + abandoned, per queue</item>
/// <item>Escalation rate = cases escalated for the first time ÷ cases opened, in the same period</item>
/// <item>Reopen rate = reopenings ÷ resolved cases (first resolutions), in the same period</item>
/// <item>SLA compliance = clocks met ÷ (clocks met + clocks breached), over both clocks (first response
/// and resolution); also given per clock</item>
/// <item>Mean first response time = Σ (first response − opened) ÷ first responses</item>
/// <item>Mean resolution time = Σ (first resolution − opened) ÷ first resolutions</item>
/// </list>
/// </summary>
public static class KpiCalculator
{
    /// <summary>Every KPI of the counters.</summary>
    public static Kpis Calculate(KpiCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var c = counters;
        return new Kpis(
            Fcr(c.FcrNumerator, c.FcrDenominator),
            AverageHandleTime(c.TalkSeconds, c.HoldSeconds, c.WrapUpSeconds, c.HandledContacts),
            Csat(c.CsatSatisfied, c.CsatAnswers),
            Mean(c.CsatSum, c.CsatAnswers),
            Nps(c.NpsPromoters, c.NpsDetractors, c.NpsAnswers),
            AbandonmentRate(c.AbandonedContacts, c.OfferedContacts),
            EscalationRate(c.EscalatedCases, c.CasesOpened),
            ReopenRate(c.Reopens, c.CasesResolved),
            SlaCompliance(c.FirstResponseSlaMet + c.ResolutionSlaMet, c.FirstResponseSlaBreached + c.ResolutionSlaBreached),
            SlaCompliance(c.FirstResponseSlaMet, c.FirstResponseSlaBreached),
            SlaCompliance(c.ResolutionSlaMet, c.ResolutionSlaBreached),
            Mean(c.FirstResponseSecondsSum, c.FirstResponseCount),
            Mean(c.ResolutionSecondsSum, c.ResolutionCount));
    }

    /// <summary>FCR = resolved cases with exactly one customer contact and never reopened ÷ resolved cases.</summary>
    public static decimal? Fcr(long resolvedWithOneContactNeverReopened, long resolvedCases) => Ratio(resolvedWithOneContactNeverReopened, resolvedCases);

    /// <summary>AHT = (talk + hold + wrap-up seconds) ÷ handled contacts, over Phone and Chat.</summary>
    public static decimal? AverageHandleTime(long talkSeconds, long holdSeconds, long wrapUpSeconds, long handledContacts) =>
        Ratio(talkSeconds + holdSeconds + wrapUpSeconds, handledContacts);

    /// <summary>CSAT = answers of 4 or 5 ÷ all answers, on the 1–5 scale.</summary>
    public static decimal? Csat(long answersOf4Or5, long allAnswers) => Ratio(answersOf4Or5, allAnswers);

    /// <summary>NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100.</summary>
    public static decimal? Nps(long promoters, long detractors, long answers) =>
        answers == 0 ? null : 100m * (promoters - detractors) / answers;

    /// <summary>Abandonment rate = abandoned ÷ offered, offered = answered inbound + abandoned, per queue.</summary>
    public static decimal? AbandonmentRate(long abandoned, long offered) => Ratio(abandoned, offered);

    /// <summary>Escalation rate = cases escalated for the first time ÷ cases opened, in the same period.</summary>
    public static decimal? EscalationRate(long escalatedCases, long casesOpened) => Ratio(escalatedCases, casesOpened);

    /// <summary>Reopen rate = reopenings ÷ resolved cases (first resolutions), in the same period.</summary>
    public static decimal? ReopenRate(long reopens, long resolvedCases) => Ratio(reopens, resolvedCases);

    /// <summary>SLA compliance = clocks met ÷ (clocks met + clocks breached).</summary>
    public static decimal? SlaCompliance(long met, long breached) => Ratio(met, met + breached);

    /// <summary>A mean: <paramref name="sum"/> ÷ <paramref name="count"/> (mean first response time, mean resolution time, average CSAT).</summary>
    public static decimal? Mean(long sum, long count) => Ratio(sum, count);

    private static decimal? Ratio(long numerator, long denominator) => denominator == 0 ? null : (decimal)numerator / denominator;
}
