using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

/// <summary>The case opened by e-mail with normal priority: first response due at T0+8h, resolution at T0+3d.</summary>
public sealed class SlaTests
{
    private static CheckSla Check(DateTimeOffset now, Actor? by = null) => new(Id, by ?? Actors.System, now);

    private static SlaBreached Breach(SlaKind kind, DateTimeOffset at, Actor? by = null) =>
        new(Id, CustomerId, at, by ?? Actors.System, kind, kind == SlaKind.FirstResponse ? Times.Hours(8) : Times.Days(3));

    [Fact]
    public void GivenOpenCase_WhenCheckedBeforeAnythingIsDue_ThenNothing()
    {
        Given.Case(Opened()).When(Check(Times.Hours(8))).ThenNothing();
    }

    [Fact]
    public void GivenUnansweredCase_WhenCheckedAfterTheFirstResponseDue_ThenFirstResponseBreached()
    {
        Given.Case(Opened())
            .When(Check(Times.Hours(9)))
            .Then(Breach(SlaKind.FirstResponse, Times.Hours(9)))
            .ThenState(state =>
            {
                Assert.True(state.FirstResponseBreached);
                Assert.False(state.ResolutionBreached);
            });
    }

    [Fact]
    public void GivenUnansweredCase_WhenCheckedAfterTheResolutionDue_ThenBothClocksBreached()
    {
        Given.Case(Opened())
            .When(Check(Times.Days(4)))
            .Then(Breach(SlaKind.FirstResponse, Times.Days(4)), Breach(SlaKind.Resolution, Times.Days(4)));
    }

    [Fact]
    public void GivenAnsweredCase_WhenCheckedAfterTheResolutionDue_ThenOnlyResolutionBreached()
    {
        Given.Case(Opened(), Reply(Times.Hours(1)))
            .When(Check(Times.Days(4)))
            .Then(Breach(SlaKind.Resolution, Times.Days(4)));
    }

    [Fact]
    public void GivenBreachRecorded_WhenCheckedAgain_ThenNothing()
    {
        Given.Case(Opened(), Breach(SlaKind.FirstResponse, Times.Hours(9))).When(Check(Times.Hours(10))).ThenNothing();
    }

    [Fact]
    public void GivenUnansweredCase_WhenALateReplyIsAdded_ThenTheBreachIsRecordedFirst()
    {
        var reply = new AddCaseNote(Id, "Sorry for the wait", NoteVisibility.CustomerFacing, Actors.Agent, Times.Hours(10));

        Given.Case(Opened())
            .When(reply)
            .Then(
                Breach(SlaKind.FirstResponse, Times.Hours(10), Actors.Agent),
                new CaseNoteAdded(Id, CustomerId, Times.Hours(10), Actors.Agent, "Sorry for the wait", NoteVisibility.CustomerFacing))
            .ThenState(state => Assert.Equal(Times.Hours(10), state.FirstResponseAt));
    }

    [Fact]
    public void GivenAnsweredCase_WhenResolvedLate_ThenResolutionBreachedThenCaseResolved()
    {
        var resolve = new ResolveCase(Id, "Replacement sent", RootCause.ProductDefect, Actors.Agent, Times.Days(5));

        Given.Case(Opened(), Reply(Times.Hours(1)))
            .When(resolve)
            .Then(
                Breach(SlaKind.Resolution, Times.Days(5), Actors.Agent),
                new CaseResolved(Id, CustomerId, Times.Days(5), Actors.Agent, "Replacement sent", RootCause.ProductDefect));
    }

    [Fact]
    public void GivenUnansweredCase_WhenALateCommandIsRefused_ThenNoBreachIsRecordedEither()
    {
        Given.Case(Opened())
            .When(new AddCaseNote(Id, " ", NoteVisibility.Internal, Actors.Agent, Times.Days(5)))
            .ThenError(DomainErrors.NoteTextRequired);
    }

    [Fact]
    public void GivenCaseResolvedInTime_WhenCheckedLater_ThenNothing()
    {
        Given.Case(Opened(), Resolved()).When(Check(Times.Days(20))).ThenNothing();
    }

    [Fact]
    public void GivenCaseResolvedInTimeAndReopened_WhenCheckedAfterTheResolutionDue_ThenNothingBecauseTheFirstResolutionCounts()
    {
        Given.Case(Opened(), Resolved(), Reopened()).When(Check(Times.Days(20))).ThenNothing();
    }

    [Fact]
    public void GivenCaseOpenedOnThePhone_WhenCheckedAfterTheFirstResponseDue_ThenNoFirstResponseBreach()
    {
        Given.Case(Opened(channel: Channel.Phone)).When(Check(Times.Hours(20))).ThenNothing();
    }

    [Fact]
    public void GivenUrgentCase_WhenCheckedAfterOneHour_ThenFirstResponseBreached()
    {
        Given.Case(Opened(priority: Priority.Urgent))
            .When(Check(Times.Minutes(61)))
            .Then(new SlaBreached(Id, CustomerId, Times.Minutes(61), Actors.System, SlaKind.FirstResponse, Times.Hours(1)));
    }

    [Fact]
    public void GivenOpenCase_WhenStaffChecks_ThenBreachRecordedByThem()
    {
        Given.Case(Opened()).When(Check(Times.Hours(9), Actors.Supervisor)).Then(Breach(SlaKind.FirstResponse, Times.Hours(9), Actors.Supervisor));
    }

    [Fact]
    public void GivenNoCase_WhenChecked_ThenCaseNotFound()
    {
        Given.Case().When(Check(Times.Hours(9))).ThenError(DomainErrors.CaseNotFound);
    }
}
