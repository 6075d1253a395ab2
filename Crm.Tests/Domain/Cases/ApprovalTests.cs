using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Policies;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class ApprovalTests
{
    private static readonly RemedyProposal Refund200 = RemedyProposal.Refund(Eur(200m), "Kettle damaged the worktop");

    private static RequestRemedyApproval Request(RemedyProposal? remedy = null, Actor? by = null, Guid? requestId = null) =>
        new(Id, requestId ?? RequestId, remedy ?? Refund200, AuthorityPolicy.Default, by ?? Actors.Agent, Times.Hours(1));

    private static ApproveRemedy Approve(Actor? by = null, Guid? remedyId = null) =>
        new(Id, RequestId, remedyId ?? RemedyId, AuthorityPolicy.Default, by ?? Actors.Supervisor, Times.Hours(2));

    private static RejectRemedy Reject(Actor? by = null, string reason = "Not covered") =>
        new(Id, RequestId, reason, AuthorityPolicy.Default, by ?? Actors.Supervisor, Times.Hours(2));

    [Fact]
    public void GivenOpenCase_WhenAgentRequestsApprovalAboveTheLimit_ThenRemedyApprovalRequested()
    {
        Given.Case(Opened())
            .When(Request())
            .Then(ApprovalRequested(200m))
            .ThenState(state =>
            {
                Assert.True(state.HasPendingApproval);
                Assert.Equal(ApprovalStatus.Pending, state.Approvals[RequestId].Status);
                Assert.Equal(0m, state.RemedyTotal);
            });
    }

    [Fact]
    public void GivenOpenCase_WhenAgentRequestsApprovalWithinTheLimit_ThenWithinAuthority()
    {
        Given.Case(Opened())
            .When(Request(RemedyProposal.Refund(Eur(20m), "Small")))
            .ThenError(DomainErrors.ApprovalWithinAuthority);
    }

    [Fact]
    public void GivenCaseWithARefundOf40_WhenAgentRequestsApprovalFor20_ThenRequestedBecauseTheTotalExceedsTheLimit()
    {
        var proposal = RemedyProposal.Refund(Eur(20m), "Further damage");

        Given.Case(Opened(), CaseHistory.Refund(40m))
            .When(Request(proposal))
            .Then(new RemedyApprovalRequested(Id, CustomerId, Times.Hours(1), Actors.Agent, RequestId, proposal));
    }

    [Fact]
    public void GivenPendingRequest_WhenTheSameRequestIdIsUsedAgain_ThenAlreadyRequested()
    {
        Given.Case(Opened(), ApprovalRequested(200m)).When(Request()).ThenError(DomainErrors.ApprovalAlreadyRequested);
    }

    [Fact]
    public void GivenOpenCase_WhenRequestedRemedyIsNotPositive_ThenAmountNotPositive()
    {
        Given.Case(Opened()).When(Request(RemedyProposal.Refund(Eur(-1m), "x"))).ThenError(DomainErrors.RemedyAmountNotPositive);
    }

    [Fact]
    public void GivenOpenCase_WhenRequestedRemedyIsInAnotherCurrency_ThenCurrencyMismatch()
    {
        Given.Case(Opened()).When(Request(RemedyProposal.Refund(new Money(200m, "GBP"), "x"))).ThenError(DomainErrors.RemedyCurrencyMismatch);
    }

    [Fact]
    public void GivenOpenCase_WhenRequestedExchangeLacksASku_ThenSkuRequired()
    {
        Given.Case(Opened()).When(Request(RemedyProposal.Exchange("SOFA", " ", Eur(900m), "Torn"))).ThenError(DomainErrors.RemedySkuRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenRequestedRemedyHasNoReason_ThenReasonRequired()
    {
        Given.Case(Opened()).When(Request(RemedyProposal.Refund(Eur(200m), " "))).ThenError(DomainErrors.RemedyReasonRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenRequestedAdjustmentSaysNothing_ThenAdjustmentRequired()
    {
        Given.Case(Opened()).When(Request(RemedyProposal.ServiceAdjustment("", Eur(200m), "Outage"))).ThenError(DomainErrors.RemedyAdjustmentRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenRequestIdIsEmpty_ThenIdEmpty()
    {
        Given.Case(Opened()).When(Request(requestId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenOpenCase_WhenRequestedRemedyKindIsUndefined_ThenValueUndefined()
    {
        Given.Case(Opened()).When(Request(Refund200 with { Kind = (RemedyKind)5 })).ThenError(DomainErrors.CommandValueUndefined);
    }

    [Fact]
    public void GivenClosedCase_WhenApprovalRequested_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Request()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenPendingRequest_WhenSupervisorApproves_ThenRemedyApprovedAndRefundIssuedBySupervisor()
    {
        Given.Case(Opened(), ApprovalRequested(200m))
            .When(Approve())
            .Then(
                new RemedyApproved(Id, CustomerId, Times.Hours(2), Actors.Supervisor, RequestId, RemedyId),
                new RefundIssued(Id, CustomerId, Times.Hours(2), Actors.Supervisor, RemedyId, Eur(200m), "Kettle damaged the worktop", RequestId))
            .ThenState(state =>
            {
                Assert.False(state.HasPendingApproval);
                Assert.Equal(ApprovalStatus.Approved, state.Approvals[RequestId].Status);
                Assert.Equal(RemedyId, state.Approvals[RequestId].RemedyId);
                Assert.Equal(200m, state.RemedyTotal);
            });
    }

    [Fact]
    public void GivenPendingExchangeRequest_WhenApproved_ThenExchangeArranged()
    {
        var exchange = RemedyProposal.Exchange("SOFA-1", "SOFA-2", Eur(900m), "Torn on delivery");

        Given.Case(Opened(), new RemedyApprovalRequested(Id, CustomerId, Times.Hours(1), Actors.Agent, RequestId, exchange))
            .When(Approve(Actors.Manager))
            .Then(
                new RemedyApproved(Id, CustomerId, Times.Hours(2), Actors.Manager, RequestId, RemedyId),
                new ExchangeArranged(Id, CustomerId, Times.Hours(2), Actors.Manager, RemedyId, "SOFA-1", "SOFA-2", Eur(900m), "Torn on delivery", RequestId));
    }

    [Fact]
    public void GivenPendingAdjustmentRequest_WhenApproved_ThenServiceAdjusted()
    {
        var adjustment = RemedyProposal.ServiceAdjustment("Six months free", Eur(120m), "Long outage");

        Given.Case(Opened(), new RemedyApprovalRequested(Id, CustomerId, Times.Hours(1), Actors.Agent, RequestId, adjustment))
            .When(Approve())
            .Then(
                new RemedyApproved(Id, CustomerId, Times.Hours(2), Actors.Supervisor, RequestId, RemedyId),
                new ServiceAdjusted(Id, CustomerId, Times.Hours(2), Actors.Supervisor, RemedyId, "Six months free", Eur(120m), "Long outage", RequestId));
    }

    [Fact]
    public void GivenOpenCase_WhenAnUnknownRequestIsApproved_ThenApprovalNotFound()
    {
        Given.Case(Opened()).When(Approve()).ThenError(DomainErrors.ApprovalNotFound);
    }

    [Fact]
    public void GivenSupervisorsOwnRequest_WhenTheSameSupervisorApproves_ThenByRequester()
    {
        Given.Case(Opened(), ApprovalRequested(800m, Actors.Supervisor))
            .When(Approve(Actors.Supervisor))
            .ThenError(DomainErrors.ApprovalByRequester);
    }

    [Fact]
    public void GivenRequestFor800_WhenAnotherSupervisorApproves_ThenApprovalOverAuthority()
    {
        Given.Case(Opened(), ApprovalRequested(800m, Actors.Supervisor))
            .When(Approve(Actors.OtherSupervisor))
            .ThenError(DomainErrors.ApprovalOverAuthority);
    }

    [Fact]
    public void GivenRequestFor800_WhenManagerApproves_ThenRemedyApproved()
    {
        Given.Case(Opened(), ApprovalRequested(800m, Actors.Supervisor))
            .When(Approve(Actors.Manager))
            .Then(
                new RemedyApproved(Id, CustomerId, Times.Hours(2), Actors.Manager, RequestId, RemedyId),
                new RefundIssued(Id, CustomerId, Times.Hours(2), Actors.Manager, RemedyId, Eur(800m), "Kettle damaged the worktop", RequestId));
    }

    [Fact]
    public void GivenAgentsRequestFor60_WhenAnotherAgentApproves_ThenApprovalOverAuthority()
    {
        Given.Case(Opened(), ApprovalRequested(60m))
            .When(Approve(Actors.OtherAgent))
            .ThenError(DomainErrors.ApprovalOverAuthority);
    }

    [Fact]
    public void GivenPendingRequest_WhenApprovedWithAnEmptyRemedyId_ThenIdEmpty()
    {
        Given.Case(Opened(), ApprovalRequested(200m)).When(Approve(remedyId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenApprovedRequest_WhenApprovedAgain_ThenAlreadyDecided()
    {
        Given.Case(Opened(), ApprovalRequested(200m), Approved(), CaseHistory.Refund(200m, Actors.Supervisor, at: Times.Hours(2)))
            .When(Approve(Actors.Manager, OtherRemedyId))
            .ThenError(DomainErrors.ApprovalAlreadyDecided);
    }

    [Fact]
    public void GivenRejectedRequest_WhenApproved_ThenAlreadyDecided()
    {
        Given.Case(Opened(), ApprovalRequested(200m), Rejected()).When(Approve(Actors.Manager)).ThenError(DomainErrors.ApprovalAlreadyDecided);
    }

    [Fact]
    public void GivenPendingRequest_WhenApprovedWithAnIssuedRemedyId_ThenAlreadyIssued()
    {
        Given.Case(Opened(), CaseHistory.Refund(10m), ApprovalRequested(200m))
            .When(Approve(remedyId: RemedyId))
            .ThenError(DomainErrors.RemedyAlreadyIssued);
    }

    [Fact]
    public void GivenClosedCase_WhenApproved_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Approve()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenClosedCase_WhenRejected_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Reject()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenPendingRequest_WhenSupervisorRejects_ThenRemedyRejected()
    {
        Given.Case(Opened(), ApprovalRequested(200m))
            .When(Reject())
            .Then(Rejected())
            .ThenState(state =>
            {
                Assert.Equal(ApprovalStatus.Rejected, state.Approvals[RequestId].Status);
                Assert.Equal(Actors.Supervisor, state.Approvals[RequestId].DecidedBy);
                Assert.Empty(state.Remedies);
            });
    }

    [Fact]
    public void GivenPendingRequest_WhenRejectedWithoutReason_ThenReasonRequired()
    {
        Given.Case(Opened(), ApprovalRequested(200m)).When(Reject(reason: "")).ThenError(DomainErrors.ApprovalReasonRequired);
    }

    [Fact]
    public void GivenAgentsRequest_WhenTheRequesterRejectsIt_ThenByRequester()
    {
        Given.Case(Opened(), ApprovalRequested(200m)).When(Reject(Actors.Agent)).ThenError(DomainErrors.ApprovalByRequester);
    }

    [Fact]
    public void GivenRequestFor200_WhenAnotherAgentRejects_ThenApprovalOverAuthority()
    {
        Given.Case(Opened(), ApprovalRequested(200m)).When(Reject(Actors.OtherAgent)).ThenError(DomainErrors.ApprovalOverAuthority);
    }

    [Fact]
    public void GivenRejectedRequest_WhenRejectedAgain_ThenAlreadyDecided()
    {
        Given.Case(Opened(), ApprovalRequested(200m), Rejected()).When(Reject(Actors.Manager)).ThenError(DomainErrors.ApprovalAlreadyDecided);
    }

    [Fact]
    public void GivenOpenCase_WhenAnUnknownRequestIsRejected_ThenApprovalNotFound()
    {
        Given.Case(Opened()).When(Reject()).ThenError(DomainErrors.ApprovalNotFound);
    }
}
