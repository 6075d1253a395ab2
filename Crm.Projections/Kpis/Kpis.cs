namespace Crm.Projections;

/// <summary>
/// The KPIs of a period and slice, computed by <see cref="KpiCalculator.Calculate"/>. Rates are
/// fractions from 0 to 1; NPS is in points from −100 to 100; times are in seconds. A KPI whose
/// denominator is zero is <see langword="null"/> (there is nothing to measure), never 0.
/// </summary>
/// <param name="Fcr">First contact resolution, 0–1.</param>
/// <param name="AverageHandleTimeSeconds">AHT in seconds.</param>
/// <param name="Csat">Share of satisfied answers, 0–1.</param>
/// <param name="AverageCsat">Mean CSAT answer, 1–5.</param>
/// <param name="Nps">Net promoter score, −100 to 100.</param>
/// <param name="AbandonmentRate">Abandoned share of offered contacts, 0–1.</param>
/// <param name="EscalationRate">Escalated share of opened cases, 0–1.</param>
/// <param name="ReopenRate">Reopenings per resolved case.</param>
/// <param name="SlaCompliance">Met share of both SLA clocks together, 0–1.</param>
/// <param name="FirstResponseSlaCompliance">Met share of the first-response clock, 0–1.</param>
/// <param name="ResolutionSlaCompliance">Met share of the resolution clock, 0–1.</param>
/// <param name="MeanFirstResponseSeconds">Mean time from opening to first response.</param>
/// <param name="MeanResolutionSeconds">Mean time from opening to first resolution.</param>
public sealed record Kpis(
    decimal? Fcr,
    decimal? AverageHandleTimeSeconds,
    decimal? Csat,
    decimal? AverageCsat,
    decimal? Nps,
    decimal? AbandonmentRate,
    decimal? EscalationRate,
    decimal? ReopenRate,
    decimal? SlaCompliance,
    decimal? FirstResponseSlaCompliance,
    decimal? ResolutionSlaCompliance,
    decimal? MeanFirstResponseSeconds,
    decimal? MeanResolutionSeconds);
