using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class CaseNoteTests
{
    private static AddCaseNote Note(string text = "Asked for photos of the leak", NoteVisibility visibility = NoteVisibility.Internal) =>
        new(Id, text, visibility, Actors.Agent, Times.Hours(1));

    [Fact]
    public void GivenOpenCase_WhenInternalNoteAdded_ThenCaseNoteAddedAndNoResponseYet()
    {
        Given.Case(Opened())
            .When(Note())
            .Then(new CaseNoteAdded(Id, CustomerId, Times.Hours(1), Actors.Agent, "Asked for photos of the leak", NoteVisibility.Internal))
            .ThenState(state =>
            {
                Assert.Equal(1, state.NoteCount);
                Assert.Null(state.FirstResponseAt);
            });
    }

    [Fact]
    public void GivenOpenCase_WhenCustomerFacingNoteAdded_ThenItIsTheFirstResponse()
    {
        Given.Case(Opened())
            .When(Note("We are on it", NoteVisibility.CustomerFacing))
            .Then(new CaseNoteAdded(Id, CustomerId, Times.Hours(1), Actors.Agent, "We are on it", NoteVisibility.CustomerFacing))
            .ThenState(state => Assert.Equal(TimeSpan.FromHours(1), state.FirstResponseTime));
    }

    [Fact]
    public void GivenCaseWithAResponse_WhenAnotherReplyIsAdded_ThenTheFirstResponseStays()
    {
        Given.Case(Opened(), Reply(Times.Minutes(30)))
            .When(Note("Any news?", NoteVisibility.CustomerFacing))
            .ThenState(state => Assert.Equal(Times.Minutes(30), state.FirstResponseAt));
    }

    [Fact]
    public void GivenOpenCase_WhenBlankNoteAdded_ThenTextRequired()
    {
        Given.Case(Opened()).When(Note("  ")).ThenError(DomainErrors.NoteTextRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenOverlongNoteAdded_ThenTextTooLong()
    {
        Given.Case(Opened()).When(Note(new string('n', TextLimits.Document + 1))).ThenError(DomainErrors.TextTooLong);
    }

    [Fact]
    public void GivenResolvedCase_WhenNoteAdded_ThenCaseNoteAdded()
    {
        Given.Case(Opened(), Resolved())
            .When(Note())
            .Then(new CaseNoteAdded(Id, CustomerId, Times.Hours(1), Actors.Agent, "Asked for photos of the leak", NoteVisibility.Internal));
    }

    [Fact]
    public void GivenClosedCase_WhenNoteAdded_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Note()).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenNoCase_WhenNoteAdded_ThenCaseNotFound()
    {
        Given.Case().When(Note()).ThenError(DomainErrors.CaseNotFound);
    }
}
