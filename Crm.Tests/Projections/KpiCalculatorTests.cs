using Crm.Projections;

namespace Crm.Tests.Projections;

/// <summary>The KPI formulas on counters chosen so each result can be checked by hand.</summary>
public sealed class KpiCalculatorTests
{
    private static readonly KpiCounters Week = new()
    {
        // 40 resolved cases, 26 of them with one contact and never reopened.
        FcrNumerator = 26,
        FcrDenominator = 40,
        CasesResolved = 40,
        // 120 Phone/Chat contacts: 30000 s talk + 3000 s hold + 3600 s wrap-up = 36600 s.
        HandledContacts = 120,
        TalkSeconds = 30_000,
        HoldSeconds = 3_000,
        WrapUpSeconds = 3_600,
        // 50 answers, 35 of them 4 or 5, summing to 205.
        CsatAnswers = 50,
        CsatSatisfied = 35,
        CsatSum = 205,
        // 80 NPS answers: 36 promoters, 12 detractors.
        NpsAnswers = 80,
        NpsPromoters = 36,
        NpsDetractors = 12,
        // 150 offered = 138 answered inbound + 12 abandoned.
        OfferedContacts = 150,
        AbandonedContacts = 12,
        // 60 opened, 9 of them escalated (one of them twice).
        CasesOpened = 60,
        EscalatedCases = 9,
        Escalations = 10,
        Reopens = 4,
        FirstResponseSlaMet = 55,
        FirstResponseSlaBreached = 5,
        ResolutionSlaMet = 36,
        ResolutionSlaBreached = 4,
        FirstResponseSecondsSum = 90_000,
        FirstResponseCount = 60,
        ResolutionSecondsSum = 1_440_000,
        ResolutionCount = 40,
    };

    [Fact]
    public void Calculate_AppliesEveryFormula()
    {
        var kpis = KpiCalculator.Calculate(Week);

        Assert.Equal(0.65m, kpis.Fcr); // 26 / 40
        Assert.Equal(305m, kpis.AverageHandleTimeSeconds); // (30000 + 3000 + 3600) / 120 = 36600 / 120
        Assert.Equal(0.7m, kpis.Csat); // 35 / 50
        Assert.Equal(4.1m, kpis.AverageCsat); // 205 / 50
        Assert.Equal(30m, kpis.Nps); // 36/80 = 45 % promoters − 12/80 = 15 % detractors
        Assert.Equal(0.08m, kpis.AbandonmentRate); // 12 / 150
        Assert.Equal(0.15m, kpis.EscalationRate); // 9 escalated cases / 60 opened (escalations, 10, do not count)
        Assert.Equal(0.1m, kpis.ReopenRate); // 4 / 40
        Assert.Equal(0.91m, kpis.SlaCompliance); // (55 + 36) / (55 + 5 + 36 + 4) = 91 / 100
        Assert.Equal(55m / 60m, kpis.FirstResponseSlaCompliance);
        Assert.Equal(0.9m, kpis.ResolutionSlaCompliance); // 36 / 40
        Assert.Equal(1500m, kpis.MeanFirstResponseSeconds); // 90000 / 60
        Assert.Equal(36000m, kpis.MeanResolutionSeconds); // 1440000 / 40
    }

    [Fact]
    public void Calculate_WithoutDenominators_GivesNullNotZero()
    {
        var kpis = KpiCalculator.Calculate(new KpiCounters { Contacts = 3, TalkSeconds = 100 });

        Assert.Equal(new Kpis(null, null, null, null, null, null, null, null, null, null, null, null, null), kpis);
    }

    [Theory]
    [InlineData(10, 0, 10, 100)] // only promoters
    [InlineData(0, 10, 10, -100)] // only detractors
    [InlineData(0, 0, 7, 0)] // only passives (7–8)
    [InlineData(1, 2, 4, -25)] // 25 % − 50 %
    public void Nps_RangesFromMinus100To100(long promoters, long detractors, long answers, int expected)
    {
        Assert.Equal(expected, KpiCalculator.Nps(promoters, detractors, answers));
    }

    [Fact]
    public void Ratios_AreZeroWhenTheNumeratorIsZero_AndNullOnlyWhenTheDenominatorIs()
    {
        Assert.Equal(0m, KpiCalculator.Fcr(0, 5));
        Assert.Null(KpiCalculator.Fcr(0, 0));
        Assert.Equal(0m, KpiCalculator.AbandonmentRate(0, 9));
        Assert.Null(KpiCalculator.AverageHandleTime(10, 0, 0, 0));
        Assert.Null(KpiCalculator.SlaCompliance(0, 0));
        Assert.Equal(0m, KpiCalculator.SlaCompliance(0, 3));
    }
}
