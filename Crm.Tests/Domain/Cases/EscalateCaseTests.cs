using Crm.Domain.Cases;
using Crm.Domain.Common;
using static Crm.Tests.Domain.CaseHistory;

namespace Crm.Tests.Domain.Cases;

public sealed class EscalateCaseTests
{
    private static EscalateCase Escalate(EscalationTier? tier, Department? department = null, string reason = "Customer asks for a manager", Actor? by = null) =>
        new(Id, tier, department, reason, by ?? Actors.Agent, Times.Minutes(20));

    private static CaseEscalated Escalated(EscalationTier? tier, Department? department = null, Actor? by = null) =>
        new(Id, CustomerId, Times.Minutes(20), by ?? Actors.Agent, tier, department, "Customer asks for a manager");

    [Fact]
    public void GivenOpenCase_WhenAgentEscalatesToSupervisor_ThenCaseEscalated()
    {
        Given.Case(Opened())
            .When(Escalate(EscalationTier.Supervisor))
            .Then(Escalated(EscalationTier.Supervisor))
            .ThenState(state =>
            {
                Assert.Equal(EscalationTier.Supervisor, state.Tier);
                Assert.Single(state.Escalations);
            });
    }

    [Fact]
    public void GivenOpenCase_WhenEscalatedToADepartment_ThenCaseEscalatedToTheDepartment()
    {
        Given.Case(Opened())
            .When(Escalate(null, Department.Logistics))
            .Then(Escalated(null, Department.Logistics))
            .ThenState(state =>
            {
                Assert.Null(state.Tier);
                Assert.Equal(Department.Logistics, state.Department);
            });
    }

    [Fact]
    public void GivenOpenCase_WhenEscalatedToATierAndADepartment_ThenBothAreRecorded()
    {
        Given.Case(Opened())
            .When(Escalate(EscalationTier.Manager, Department.Finance))
            .Then(Escalated(EscalationTier.Manager, Department.Finance));
    }

    [Fact]
    public void GivenOpenCase_WhenEscalatedToNeitherTierNorDepartment_ThenTargetRequired()
    {
        Given.Case(Opened()).When(Escalate(null)).ThenError(DomainErrors.EscalationTargetRequired);
    }

    [Fact]
    public void GivenOpenCase_WhenEscalatedWithoutReason_ThenReasonRequired()
    {
        Given.Case(Opened()).When(Escalate(EscalationTier.Supervisor, reason: "")).ThenError(DomainErrors.EscalationReasonRequired);
    }

    [Fact]
    public void GivenCaseAtSupervisorTier_WhenEscalatedToSupervisor_ThenNotHigher()
    {
        Given.Case(Opened(), Escalated(EscalationTier.Supervisor))
            .When(Escalate(EscalationTier.Supervisor))
            .ThenError(DomainErrors.EscalationNotHigher);
    }

    [Fact]
    public void GivenCaseAtManagerTier_WhenEscalatedToSupervisor_ThenNotHigher()
    {
        Given.Case(Opened(), Escalated(EscalationTier.Manager))
            .When(Escalate(EscalationTier.Supervisor))
            .ThenError(DomainErrors.EscalationNotHigher);
    }

    [Fact]
    public void GivenOpenCase_WhenSupervisorEscalatesToSupervisor_ThenNotHigher()
    {
        Given.Case(Opened()).When(Escalate(EscalationTier.Supervisor, by: Actors.Supervisor)).ThenError(DomainErrors.EscalationNotHigher);
    }

    [Fact]
    public void GivenCaseAtSupervisorTier_WhenSupervisorEscalatesToManager_ThenCaseEscalated()
    {
        Given.Case(Opened(), Escalated(EscalationTier.Supervisor))
            .When(Escalate(EscalationTier.Manager, by: Actors.Supervisor))
            .Then(Escalated(EscalationTier.Manager, by: Actors.Supervisor))
            .ThenState(state => Assert.Equal(2, state.Escalations.Count));
    }

    [Fact]
    public void GivenOpenCase_WhenManagerEscalatesToManager_ThenNotHigher()
    {
        Given.Case(Opened()).When(Escalate(EscalationTier.Manager, by: Actors.Manager)).ThenError(DomainErrors.EscalationNotHigher);
    }

    [Fact]
    public void GivenOpenCase_WhenManagerEscalatesToADepartment_ThenCaseEscalated()
    {
        Given.Case(Opened())
            .When(Escalate(null, Department.Product, by: Actors.Manager))
            .Then(Escalated(null, Department.Product, Actors.Manager));
    }

    [Fact]
    public void GivenCaseWithLogistics_WhenEscalatedToLogisticsAgain_ThenAlreadyWithDepartment()
    {
        Given.Case(Opened(), Escalated(null, Department.Logistics))
            .When(Escalate(null, Department.Logistics))
            .ThenError(DomainErrors.EscalationAlreadyWithDepartment);
    }

    [Fact]
    public void GivenCaseWithLogistics_WhenEscalatedToTechnical_ThenCaseEscalated()
    {
        Given.Case(Opened(), Escalated(null, Department.Logistics))
            .When(Escalate(null, Department.Technical))
            .Then(Escalated(null, Department.Technical))
            .ThenState(state => Assert.Equal(Department.Technical, state.Department));
    }

    [Fact]
    public void GivenOpenCase_WhenEscalatedToAnUndefinedDepartment_ThenValueUndefined()
    {
        Given.Case(Opened()).When(Escalate(null, (Department)99)).ThenError(DomainErrors.CommandValueUndefined);
    }

    [Fact]
    public void GivenResolvedCase_WhenEscalated_ThenCaseNotOpen()
    {
        Given.Case(Opened(), Resolved()).When(Escalate(EscalationTier.Supervisor)).ThenError(DomainErrors.CaseNotOpen);
    }

    [Fact]
    public void GivenClosedCase_WhenEscalated_ThenCaseClosed()
    {
        Given.Case(Opened(), Resolved(), Closed()).When(Escalate(EscalationTier.Supervisor)).ThenError(DomainErrors.CaseClosed);
    }

    [Fact]
    public void GivenNoCase_WhenEscalated_ThenCaseNotFound()
    {
        Given.Case().When(Escalate(EscalationTier.Supervisor)).ThenError(DomainErrors.CaseNotFound);
    }
}
