using Crm.Domain.Common;

namespace Crm.Domain.Policies;

/// <summary>
/// How much each role may grant in remedies on one case without approval, in the case's currency.
/// A null limit is unlimited. Roles that never write have no authority at all. Comes from
/// configuration and is passed into the commands that need it.
/// </summary>
public sealed record AuthorityPolicy
{
    /// <summary>Creates a policy; limits must not be negative.</summary>
    public AuthorityPolicy(decimal? agentLimit, decimal? supervisorLimit, decimal? managerLimit)
    {
        AgentLimit = NotNegative(agentLimit, nameof(agentLimit));
        SupervisorLimit = NotNegative(supervisorLimit, nameof(supervisorLimit));
        ManagerLimit = NotNegative(managerLimit, nameof(managerLimit));
    }

    /// <summary>The defaults of SPEC section 3: Agent 50, Supervisor 500, Manager unlimited.</summary>
    public static AuthorityPolicy Default { get; } = new(50m, 500m, null);

    /// <summary>An Agent's limit; null is unlimited.</summary>
    public decimal? AgentLimit { get; }

    /// <summary>A Supervisor's limit; null is unlimited.</summary>
    public decimal? SupervisorLimit { get; }

    /// <summary>A Manager's limit; null is unlimited.</summary>
    public decimal? ManagerLimit { get; }

    /// <summary>The role's limit: null is unlimited; Auditor, Service and System have 0.</summary>
    public decimal? LimitFor(ActorRole role) => role switch
    {
        ActorRole.Agent => AgentLimit,
        ActorRole.Supervisor => SupervisorLimit,
        ActorRole.Manager => ManagerLimit,
        _ => 0m,
    };

    /// <summary>Whether the role may grant <paramref name="amount"/> on its own authority.</summary>
    public bool Covers(ActorRole role, decimal amount) => LimitFor(role) is not { } limit || amount <= limit;

    private static decimal? NotNegative(decimal? limit, string name) =>
        limit < 0 ? throw new ArgumentOutOfRangeException(name, limit, "An authority limit cannot be negative.") : limit;
}
