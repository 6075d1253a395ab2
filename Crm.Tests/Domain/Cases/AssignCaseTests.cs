using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class AssignCaseTests
{
    private static AssignCase Assign(Guid? agentId, string? team = null, Actor? by = null) =>
        new(Id, agentId, team, by ?? Actors.Agent, Times.Minutes(10));

    [Fact]
    public void GivenOpenCase_WhenAgentAssignsItToThemselves_ThenCaseAssigned()
    {
        Given.Case(Opened())
            .When(Assign(Actors.Agent.Id))
            .Then(new CaseAssigned(Id, CustomerId, Times.Minutes(10), Actors.Agent, Actors.Agent.Id, null))
            .ThenState(state => Assert.Equal(new Assignee(Actors.Agent.Id, null), state.Assignee));
    }

    [Fact]
    public void GivenOpenCase_WhenAssignedToATeam_ThenCaseAssignedToTheTeam()
    {
        Given.Case(Opened())
            .When(Assign(null, "  Returns  "))
            .Then(new CaseAssigned(Id, CustomerId, Times.Minutes(10), Actors.Agent, null, "Returns"));
    }

    [Fact]
    public void GivenOpenCase_WhenSupervisorAssignsItToAnAgent_ThenCaseAssigned()
    {
        Given.Case(Opened())
            .When(Assign(Actors.OtherAgent.Id, "Returns", Actors.Supervisor))
            .Then(new CaseAssigned(Id, CustomerId, Times.Minutes(10), Actors.Supervisor, Actors.OtherAgent.Id, "Returns"));
    }

    [Fact]
    public void GivenOpenCase_WhenAgentAssignsItToAnotherAgent_ThenForbidden()
    {
        Given.Case(Opened()).When(Assign(Actors.OtherAgent.Id)).ThenError(DomainErrors.AuthForbidden);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void GivenOpenCase_WhenAssignedToNobody_ThenTargetRequired(string? team)
    {
        Given.Case(Opened()).When(Assign(null, team)).ThenError(DomainErrors.AssignmentTargetRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenAssignedToAnEmptyAgentId_ThenIdEmpty()
    {
        Given.Case(Opened()).When(Assign(Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenAssignedCase_WhenAssignedToTheSameAssignee_ThenNothingChanges()
    {
        Given.Case(Opened(), new CaseAssigned(Id, CustomerId, Times.Minutes(5), Actors.Agent, Actors.Agent.Id, null))
            .When(Assign(Actors.Agent.Id))
            .ThenNothing();
    }

    [Fact]
    public void GivenResolvedCase_WhenAssigned_ThenCaseAssigned()
    {
        Given.Case(Opened(), Resolved())
            .When(Assign(null, "Aftercare"))
            .Then(new CaseAssigned(Id, CustomerId, Times.Minutes(10), Actors.Agent, null, "Aftercare"));
    }

    [Fact]
    public void GivenClosedCase_WhenAssigned_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Assign(Actors.Agent.Id)).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenNoCase_WhenAssigned_ThenCaseNotFound()
    {
        Given.Case().When(Assign(Actors.Agent.Id)).ThenError(DomainErrors.CaseNotFound);
    }
}
