using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class ResolveReopenCloseTests
{
    private static ResolveCase Resolve(string resolution = "Replacement sent", RootCause rootCause = RootCause.ProductDefect, DateTimeOffset? at = null) =>
        new(Id, resolution, rootCause, Actors.Agent, at ?? Times.Hours(3));

    private static ReopenCase Reopen(string reason = "Replacement leaks too") => new(Id, reason, Actors.Agent, Times.Hours(4));

    private static CloseCase Close() => new(Id, Actors.Agent, Times.Hours(6));

    [Fact]
    public void GivenOpenCase_WhenResolved_ThenCaseResolved()
    {
        Given.Case(Opened())
            .When(Resolve())
            .Then(Resolved())
            .ThenState(state =>
            {
                Assert.Equal(CaseStatus.Resolved, state.Status);
                Assert.Equal(TimeSpan.FromHours(3), state.ResolutionTime);
                Assert.Equal(RootCause.ProductDefect, state.RootCause);
                Assert.Equal(Times.Hours(3), state.FirstResponseAt);
            });
    }

    [Fact]
    public void GivenOpenComplaint_WhenResolvedWithUnknownRootCause_ThenRootCauseRequired()
    {
        Given.Case(Opened(CaseKind.Complaint)).When(Resolve(rootCause: RootCause.Unknown)).ThenError(DomainErrors.ResolutionRootCauseRequired);
    }

    [Fact]
    public void GivenOpenInquiry_WhenResolvedWithUnknownRootCause_ThenCaseResolved()
    {
        Given.Case(Opened(CaseKind.Inquiry))
            .When(Resolve("Explained the descaling steps", RootCause.Unknown))
            .Then(new CaseResolved(Id, CustomerId, Times.Hours(3), Actors.Agent, "Explained the descaling steps", RootCause.Unknown));
    }

    [Fact]
    public void GivenOpenCase_WhenResolvedWithoutSayingHow_ThenResolutionTextRequired()
    {
        Given.Case(Opened()).When(Resolve(" ")).ThenError(DomainErrors.ResolutionTextRequired);
    }

    [Fact]
    public void GivenCaseWithPendingApproval_WhenResolved_ThenApprovalPending()
    {
        Given.Case(Opened(), ApprovalRequested(200m)).When(Resolve()).ThenError(DomainErrors.CaseApprovalPending);
    }

    [Fact]
    public void GivenResolvedCase_WhenResolvedAgain_ThenCaseNotOpen()
    {
        Given.Case(Opened(), Resolved()).When(Resolve()).ThenError(DomainErrors.CaseNotOpen);
    }

    [Fact]
    public void GivenClosedCase_WhenResolved_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Resolve()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenNoCase_WhenResolved_ThenCaseNotFound()
    {
        Given.Case().When(Resolve()).ThenError(DomainErrors.CaseNotFound);
    }

    [Fact]
    public void GivenResolvedCase_WhenReopened_ThenCaseReopened()
    {
        Given.Case(Opened(), Resolved())
            .When(Reopen())
            .Then(Reopened())
            .ThenState(state =>
            {
                Assert.Equal(CaseStatus.Open, state.Status);
                Assert.Equal(1, state.ReopenCount);
                Assert.Null(state.ResolvedAt);
                Assert.Equal(Times.Hours(3), state.FirstResolvedAt);
            });
    }

    [Fact]
    public void GivenReopenedAndResolvedAgain_WhenReopened_ThenReopenCountIsTwo()
    {
        Given.Case(Opened(), Resolved(), Reopened(), Resolved(Times.Hours(5)))
            .When(Reopen() with { Now = Times.Hours(6) })
            .ThenState(state => Assert.Equal(2, state.ReopenCount));
    }

    [Fact]
    public void GivenOpenCase_WhenReopened_ThenCaseNotResolved()
    {
        Given.Case(Opened()).When(Reopen()).ThenError(DomainErrors.CaseNotResolved);
    }

    [Fact]
    public void GivenResolvedCase_WhenReopenedWithoutReason_ThenReasonRequired()
    {
        Given.Case(Opened(), Resolved()).When(Reopen("")).ThenError(DomainErrors.ReopenReasonRequired);
    }

    [Fact]
    public void GivenClosedCase_WhenReopened_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Reopen()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenResolvedCase_WhenClosed_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved())
            .When(Close())
            .Then(Closed())
            .ThenState(state =>
            {
                Assert.Equal(CaseStatus.Closed, state.Status);
                Assert.Equal(Times.Hours(6), state.ClosedAt);
            });
    }

    [Fact]
    public void GivenOpenCase_WhenClosed_ThenCaseNotResolved()
    {
        Given.Case(Opened()).When(Close()).ThenError(DomainErrors.CaseNotResolved);
    }

    [Fact]
    public void GivenClosedCase_WhenClosedAgain_ThenCaseClosedError()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Close()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenResolvedCaseWithPendingApproval_WhenClosed_ThenApprovalPending()
    {
        Given.Case(Opened(), Resolved(), ApprovalRequested(200m)).When(Close()).ThenError(DomainErrors.CaseApprovalPending);
    }

    [Fact]
    public void GivenResolvedCaseWithOpenFollowUp_WhenClosed_ThenFollowUpsPending()
    {
        Given.Case(Opened(), Resolved(), FollowUpScheduled()).When(Close()).ThenError(DomainErrors.CaseFollowUpsPending);
    }

    [Fact]
    public void GivenResolvedCaseWithCompletedFollowUp_WhenClosed_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), FollowUpScheduled(), FollowUpCompleted())
            .When(Close() with { Now = Times.Days(2.5) })
            .Then(Closed(Times.Days(2.5)));
    }

    [Fact]
    public void GivenNoCase_WhenClosed_ThenCaseNotFound()
    {
        Given.Case().When(Close()).ThenError(DomainErrors.CaseNotFound);
    }
}
