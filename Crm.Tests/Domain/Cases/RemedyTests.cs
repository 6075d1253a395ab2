using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Policies;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class RemedyTests
{
    private static IssueRefund Refund(decimal amount, Actor? by = null, Guid? remedyId = null, string currency = "EUR", string reason = "Goodwill", AuthorityPolicy? authority = null) =>
        new(Id, remedyId ?? RemedyId, new Money(amount, currency), reason, authority ?? AuthorityPolicy.Default, by ?? Actors.Agent, Times.Hours(1));

    private static ArrangeExchange Exchange(string returned = "KETTLE-2000", string replacement = "KETTLE-2000", decimal value = 39.90m, Actor? by = null) =>
        new(Id, RemedyId, returned, replacement, Eur(value), "Leaking unit", AuthorityPolicy.Default, by ?? Actors.Agent, Times.Hours(1));

    private static AdjustService Adjust(string adjustment = "One month free", decimal value = 9.99m, Actor? by = null) =>
        new(Id, RemedyId, adjustment, Eur(value), "Outage", AuthorityPolicy.Default, by ?? Actors.Agent, Times.Hours(1));

    [Fact]
    public void GivenOpenCase_WhenAgentRefundsWithinTheLimit_ThenRefundIssued()
    {
        Given.Case(Opened())
            .When(Refund(30m))
            .Then(new RefundIssued(Id, CustomerId, Times.Hours(1), Actors.Agent, RemedyId, Eur(30m), "Goodwill", null))
            .ThenState(state =>
            {
                Assert.Equal(30m, state.RemedyTotal);
                Assert.Equal(Times.Hours(1), state.FirstResponseAt);
            });
    }

    [Fact]
    public void GivenOpenCase_WhenAgentRefundsExactlyTheLimit_ThenRefundIssued()
    {
        Given.Case(Opened()).When(Refund(50m)).Then(CaseHistory.Refund(50m));
    }

    [Fact]
    public void GivenOpenCase_WhenAgentRefundsAboveTheLimit_ThenOverAuthority()
    {
        var error = Given.Case(Opened()).When(Refund(60m)).ThenError(DomainErrors.RemedyOverAuthority);

        Assert.Contains("request approval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenCaseWithARefundOf30_WhenAgentRefunds30More_ThenOverAuthorityBecauseTheCaseTotalCounts()
    {
        Given.Case(Opened(), CaseHistory.Refund(30m))
            .When(Refund(30m, remedyId: OtherRemedyId))
            .ThenError(DomainErrors.RemedyOverAuthority);
    }

    [Fact]
    public void GivenOpenCase_WhenSupervisorRefunds400_ThenRefundIssued()
    {
        Given.Case(Opened())
            .When(Refund(400m, Actors.Supervisor))
            .Then(CaseHistory.Refund(400m, Actors.Supervisor));
    }

    [Fact]
    public void GivenOpenCase_WhenSupervisorRefunds600_ThenOverAuthority()
    {
        Given.Case(Opened()).When(Refund(600m, Actors.Supervisor)).ThenError(DomainErrors.RemedyOverAuthority);
    }

    [Fact]
    public void GivenOpenCase_WhenManagerRefundsAnyAmount_ThenRefundIssued()
    {
        Given.Case(Opened()).When(Refund(25_000m, Actors.Manager)).Then(CaseHistory.Refund(25_000m, Actors.Manager));
    }

    [Fact]
    public void GivenAConfiguredAgentLimitOf100_WhenAgentRefunds80_ThenRefundIssued()
    {
        Given.Case(Opened())
            .When(Refund(80m, authority: new AuthorityPolicy(100m, 1_000m, null)))
            .Then(CaseHistory.Refund(80m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void GivenOpenCase_WhenRefundIsNotPositive_ThenAmountNotPositive(decimal amount)
    {
        Given.Case(Opened()).When(Refund(amount)).ThenError(DomainErrors.RemedyAmountNotPositive);
    }

    [Fact]
    public void GivenEuroCase_WhenRefundedInDollars_ThenCurrencyMismatch()
    {
        Given.Case(Opened()).When(Refund(10m, currency: "USD")).ThenError(DomainErrors.RemedyCurrencyMismatch);
    }

    [Fact]
    public void GivenOpenCase_WhenRefundHasNoReason_ThenReasonRequired()
    {
        Given.Case(Opened()).When(Refund(10m, reason: " ")).ThenError(DomainErrors.RemedyReasonRequired);
    }

    [Fact]
    public void GivenCaseWithARefund_WhenTheSameRemedyIdIsUsedAgain_ThenAlreadyIssued()
    {
        Given.Case(Opened(), CaseHistory.Refund(10m)).When(Refund(10m)).ThenError(DomainErrors.RemedyAlreadyIssued);
    }

    [Fact]
    public void GivenOpenCase_WhenRefundHasAnEmptyRemedyId_ThenIdEmpty()
    {
        Given.Case(Opened()).When(Refund(10m, remedyId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenResolvedCase_WhenRefunded_ThenRefundIssued()
    {
        Given.Case(Opened(), Resolved()).When(Refund(10m)).Then(CaseHistory.Refund(10m));
    }

    [Fact]
    public void GivenClosedCase_WhenRefundIssued_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Refund(10m)).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenNoCase_WhenRefundIssued_ThenCaseNotFound()
    {
        Given.Case().When(Refund(10m)).ThenError(DomainErrors.CaseNotFound);
    }

    [Fact]
    public void GivenOpenCase_WhenExchangeArranged_ThenExchangeArranged()
    {
        Given.Case(Opened())
            .When(Exchange(" KETTLE-2000 ", "KETTLE-3000"))
            .Then(new ExchangeArranged(Id, CustomerId, Times.Hours(1), Actors.Agent, RemedyId, "KETTLE-2000", "KETTLE-3000", Eur(39.90m), "Leaking unit", null))
            .ThenState(state => Assert.Equal(RemedyKind.Exchange, state.Remedies[RemedyId].Kind));
    }

    [Theory]
    [InlineData("", "KETTLE-3000")]
    [InlineData("KETTLE-2000", " ")]
    public void GivenOpenCase_WhenExchangeLacksASku_ThenSkuRequired(string returned, string replacement)
    {
        Given.Case(Opened()).When(Exchange(returned, replacement)).ThenError(DomainErrors.RemedySkuRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenAgentArrangesAnExchangeAboveTheLimit_ThenOverAuthority()
    {
        Given.Case(Opened()).When(Exchange(value: 89m)).ThenError(DomainErrors.RemedyOverAuthority);
    }

    [Fact]
    public void GivenClosedCase_WhenExchangeArranged_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Exchange()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenOpenCase_WhenServiceAdjusted_ThenServiceAdjusted()
    {
        Given.Case(Opened())
            .When(Adjust())
            .Then(new ServiceAdjusted(Id, CustomerId, Times.Hours(1), Actors.Agent, RemedyId, "One month free", Eur(9.99m), "Outage", null));
    }

    [Fact]
    public void GivenOpenCase_WhenAdjustmentIsBlank_ThenAdjustmentRequired()
    {
        Given.Case(Opened()).When(Adjust("")).ThenError(DomainErrors.RemedyAdjustmentRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenAdjustmentIsWorthNothing_ThenAmountNotPositive()
    {
        Given.Case(Opened()).When(Adjust(value: 0m)).ThenError(DomainErrors.RemedyAmountNotPositive);
    }

    [Fact]
    public void GivenOpenCase_WhenAgentAdjustsAboveTheLimit_ThenOverAuthority()
    {
        Given.Case(Opened()).When(Adjust(value: 120m)).ThenError(DomainErrors.RemedyOverAuthority);
    }

    [Fact]
    public void GivenClosedCase_WhenServiceAdjusted_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Adjust()).ThenError(DomainErrors.CaseClosed);
    }
}
