using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class FollowUpTests
{
    private static ScheduleFollowUp Schedule(DateTimeOffset? due = null, Guid? followUpId = null, string? note = "Check the replacement works") =>
        new(Id, followUpId ?? FollowUpId, due ?? Times.Days(2), Channel.Phone, note, Actors.Agent, Times.Hours(3));

    private static CompleteFollowUp Complete(bool satisfied = true, Guid? followUpId = null) =>
        new(Id, followUpId ?? FollowUpId, satisfied, "Works fine", Actors.Agent, Times.Days(2));

    [Fact]
    public void GivenResolvedCase_WhenFollowUpScheduled_ThenFollowUpScheduled()
    {
        Given.Case(Opened(), Resolved())
            .When(Schedule())
            .Then(FollowUpScheduled())
            .ThenState(state => Assert.True(state.HasOpenFollowUp));
    }

    [Fact]
    public void GivenOpenCase_WhenFollowUpScheduledWithoutNote_ThenFollowUpScheduled()
    {
        Given.Case(Opened())
            .When(Schedule(note: "  "))
            .Then(new FollowUpScheduled(Id, CustomerId, Times.Hours(3), Actors.Agent, FollowUpId, Times.Days(2), Channel.Phone, null));
    }

    [Fact]
    public void GivenOpenCase_WhenFollowUpIsDueNow_ThenDueInPast()
    {
        Given.Case(Opened()).When(Schedule(Times.Hours(3))).ThenError(DomainErrors.FollowUpDueInPast);
    }

    [Fact]
    public void GivenScheduledFollowUp_WhenScheduledAgain_ThenAlreadyScheduled()
    {
        Given.Case(Opened(), FollowUpScheduled()).When(Schedule()).ThenError(DomainErrors.FollowUpAlreadyScheduled);
    }

    [Fact]
    public void GivenOpenCase_WhenFollowUpHasAnEmptyId_ThenIdEmpty()
    {
        Given.Case(Opened()).When(Schedule(followUpId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenClosedCase_WhenFollowUpScheduled_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Schedule()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenScheduledFollowUp_WhenCompletedWithAnUnhappyCustomer_ThenFollowUpCompletedNotSatisfied()
    {
        Given.Case(Opened(), Resolved(), FollowUpScheduled())
            .When(Complete(satisfied: false))
            .Then(FollowUpCompleted(satisfied: false))
            .ThenState(state =>
            {
                Assert.False(state.HasOpenFollowUp);
                Assert.False(state.FollowUps[FollowUpId].CustomerSatisfied);
            });
    }

    [Fact]
    public void GivenOpenCaseWithFollowUp_WhenCompleted_ThenItIsTheFirstResponse()
    {
        Given.Case(Opened(), FollowUpScheduled(Times.Hours(5)))
            .When(Complete() with { Now = Times.Hours(6) })
            .ThenState(state => Assert.Equal(Times.Hours(6), state.FirstResponseAt));
    }

    [Fact]
    public void GivenNoFollowUp_WhenCompleted_ThenFollowUpNotFound()
    {
        Given.Case(Opened(), Resolved()).When(Complete()).ThenError(DomainErrors.FollowUpNotFound);
    }

    [Fact]
    public void GivenCompletedFollowUp_WhenCompletedAgain_ThenAlreadyCompleted()
    {
        Given.Case(Opened(), Resolved(), FollowUpScheduled(), FollowUpCompleted()).When(Complete()).ThenError(DomainErrors.FollowUpAlreadyCompleted);
    }

    [Fact]
    public void GivenClosedCase_WhenFollowUpCompleted_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), FollowUpScheduled(), FollowUpCompleted(), Closed(Times.Days(3)))
            .When(Complete())
            .ThenError(DomainErrors.CaseClosed);
    }
}
