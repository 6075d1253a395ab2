using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Policies;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class CaseAuthorizationTests
{
    /// <summary>One valid command of every kind, acting as <paramref name="actor"/>.</summary>
    private static IEnumerable<CaseCommand> EveryCommand(Actor actor)
    {
        var now = Times.Hours(1);
        yield return new OpenCase(Id, CustomerId, CaseKind.Inquiry, CaseCategory.Billing, Priority.Normal, Channel.Email, "s", "d", "EUR", SlaPolicy.Default, actor, now);
        yield return new AssignCase(Id, null, "Returns", actor, now);
        yield return new EscalateCase(Id, null, Department.Finance, "r", actor, now);
        yield return new AddCaseNote(Id, "n", NoteVisibility.Internal, actor, now);
        yield return new IssueRefund(Id, RemedyId, Eur(1m), "r", AuthorityPolicy.Default, actor, now);
        yield return new ArrangeExchange(Id, RemedyId, "A", "B", Eur(1m), "r", AuthorityPolicy.Default, actor, now);
        yield return new AdjustService(Id, RemedyId, "a", Eur(1m), "r", AuthorityPolicy.Default, actor, now);
        yield return new RequestRemedyApproval(Id, RequestId, RemedyProposal.Refund(Eur(1_000_000m), "r"), AuthorityPolicy.Default, actor, now);
        yield return new ApproveRemedy(Id, RequestId, RemedyId, AuthorityPolicy.Default, actor, now);
        yield return new RejectRemedy(Id, RequestId, "r", AuthorityPolicy.Default, actor, now);
        yield return new ResolveCase(Id, "r", RootCause.NoFault, actor, now);
        yield return new ReopenCase(Id, "r", actor, now);
        yield return new ScheduleFollowUp(Id, FollowUpId, Times.Days(1), Channel.Phone, null, actor, now);
        yield return new CompleteFollowUp(Id, FollowUpId, true, null, actor, now);
        yield return new RecordSatisfaction(Id, 5, null, null, actor, now);
        yield return new CloseCase(Id, actor, now);
        yield return new CheckSla(Id, actor, now);
    }

    public static TheoryData<string> CommandNames() => new(EveryCommand(Actors.Agent).Select(c => c.GetType().Name));

    private static CaseCommand Command(string name, Actor actor) => EveryCommand(actor).Single(c => c.GetType().Name == name);

    [Fact]
    public void EveryCaseCommandType_IsCoveredHere()
    {
        var covered = EveryCommand(Actors.Agent).Select(c => c.GetType()).ToHashSet();
        var all = typeof(CaseCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CaseCommand)) && !t.IsAbstract);

        Assert.All(all, t => Assert.Contains(t, covered));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenOpenCase_WhenAnAuditorIssuesAnyCommand_ThenForbidden(string command)
    {
        Given.Case(Opened()).When(Command(command, Actors.Auditor)).ThenError(DomainErrors.AuthForbidden);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenOpenCase_WhenAnotherTeamsServiceIssuesAnyCommand_ThenForbidden(string command)
    {
        Given.Case(Opened()).When(Command(command, Actors.Service)).ThenError(DomainErrors.AuthForbidden);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenOpenCase_WhenTheSystemIssuesAnyCommandButTheSlaCheck_ThenForbidden(string command)
    {
        var outcome = Given.Case(Opened()).When(Command(command, Actors.System));

        if (command == nameof(CheckSla))
        {
            outcome.ThenNothing();
        }
        else
        {
            outcome.ThenError(DomainErrors.AuthForbidden);
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenOpenCase_WhenTheActorHasNoId_ThenActorInvalid(string command)
    {
        Given.Case(Opened()).When(Command(command, Actors.Agent with { Id = Guid.Empty })).ThenError(DomainErrors.AuthActorInvalid);
    }

    [Fact]
    public void GivenOpenCase_WhenTheActorHasNoName_ThenActorInvalid()
    {
        Given.Case(Opened()).When(Command(nameof(AddCaseNote), Actors.Agent with { Name = " " })).ThenError(DomainErrors.AuthActorInvalid);
    }

    [Fact]
    public void GivenOpenCase_WhenACommandForAnotherCaseIsDecidedAgainstIt_ThenStreamMismatch()
    {
        var other = new AddCaseNote(Guid.Parse("0195f000-0000-7000-8000-0000000029ff"), "n", NoteVisibility.Internal, Actors.Agent, Times.Hours(1));

        Given.Case(Opened()).When(other).ThenError(DomainErrors.CommandStreamMismatch);
    }

    [Fact]
    public void GivenOpenCase_WhenACommandHasAnEmptyCaseId_ThenIdEmpty()
    {
        Given.Case(Opened()).When(Command(nameof(CloseCase), Actors.Agent) with { CaseId = Guid.Empty }).ThenError(DomainErrors.CommandIdEmpty);
    }
}
