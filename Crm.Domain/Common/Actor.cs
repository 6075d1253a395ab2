namespace Crm.Domain.Common;

/// <summary>Who acts: a member of staff or a part of the system, with the role that decides what they may do.</summary>
/// <param name="Id">The actor's id (a user id from the bearer token, or the id of a system component).</param>
/// <param name="Name">The display name shown in timelines and audit views.</param>
/// <param name="Role">The role that decides what the actor may do.</param>
public sealed record Actor(Guid Id, string Name, ActorRole Role);

/// <summary>The roles of SPEC section 3. Auditors and other teams' services read; they never write.</summary>
public enum ActorRole
{
    /// <summary>A customer service representative: logs contacts, handles cases, issues remedies up to the agent limit.</summary>
    Agent,

    /// <summary>Takes escalations, approves remedies up to the supervisor limit.</summary>
    Supervisor,

    /// <summary>Takes escalations, approves remedies up to the manager limit (unlimited by default).</summary>
    Manager,

    /// <summary>Reads the record and its audit trail; never writes.</summary>
    Auditor,

    /// <summary>Another team's service (logistics, finance, product, marketing); reads and subscribes, never writes.</summary>
    Service,

    /// <summary>
    /// The record service's own automation (SLA clocks, the telephony feed of abandoned contacts).
    /// It never comes from a bearer token and may issue only the commands documented as system commands.
    /// </summary>
    System,
}

/// <summary>What each role may do, in one place.</summary>
public static class ActorRoles
{
    /// <summary>Whether the role may issue the commands staff issue (Agent, Supervisor, Manager).</summary>
    public static bool IsStaff(this ActorRole role) => role is ActorRole.Agent or ActorRole.Supervisor or ActorRole.Manager;

    /// <summary>
    /// The seniority of the role for escalation: Agent 0, Supervisor 1, Manager 2; roles that cannot
    /// take cases have none.
    /// </summary>
    public static int? Seniority(this ActorRole role) => role switch
    {
        ActorRole.Agent => 0,
        ActorRole.Supervisor => 1,
        ActorRole.Manager => 2,
        _ => null,
    };
}
