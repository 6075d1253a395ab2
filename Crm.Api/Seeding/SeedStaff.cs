using Bogus;
using Crm.Domain.Cases;
using Crm.Domain.Common;

namespace Crm.Api.Seeding;

/// <summary>A member of staff: who acts, and the team they work in.</summary>
/// <param name="Actor">Their id, name and role.</param>
/// <param name="Team">Their team.</param>
internal sealed record StaffMember(Actor Actor, string Team)
{
    public Guid Id => Actor.Id;

    public ActorRole Role => Actor.Role;
}

/// <summary>
/// The service organisation the history is made by: teams of agents with a supervisor each,
/// managers over them, and the telephony feed (the System role) that reports abandoned contacts.
/// Its size follows the number of customers; everything about it is derived from the seed.
/// </summary>
internal sealed class SeedStaff
{
    public const string CareTeam = "Customer Care";
    public const string BillingTeam = "Billing";
    public const string TechnicalTeam = "Technical Support";
    public const string OrdersTeam = "Orders & Returns";
    public const string VipTeam = "VIP Desk";

    /// <summary>The teams, with the share of agents each has.</summary>
    private static readonly (string Team, double Share)[] Teams =
        [(CareTeam, 0.3), (BillingTeam, 0.2), (TechnicalTeam, 0.2), (OrdersTeam, 0.2), (VipTeam, 0.1)];

    private readonly Dictionary<string, StaffMember[]> _agentsByTeam;
    private readonly Dictionary<string, StaffMember[]> _supervisorsByTeam;

    private SeedStaff(IReadOnlyList<StaffMember> agents, IReadOnlyList<StaffMember> supervisors, IReadOnlyList<StaffMember> managers, Actor telephony)
    {
        Agents = agents;
        Supervisors = supervisors;
        Managers = managers;
        Telephony = telephony;
        _agentsByTeam = agents.GroupBy(a => a.Team, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _supervisorsByTeam = supervisors.GroupBy(s => s.Team, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<StaffMember> Agents { get; }

    public IReadOnlyList<StaffMember> Supervisors { get; }

    public IReadOnlyList<StaffMember> Managers { get; }

    /// <summary>The telephony feed, which records contacts that left a queue unanswered.</summary>
    public Actor Telephony { get; }

    /// <summary>The staff for <paramref name="customers"/> customers: about one agent per 25 customers (10 to 150), a supervisor per 8 agents in each team, a manager per 4 supervisors.</summary>
    public static SeedStaff Create(int seed, int customers, DateTimeOffset since)
    {
        var random = new Randomizer(SeedIds.Derive(seed, SeedPart.Staff, 0));
        var faker = new Faker("en") { Random = random };
        var agentCount = Math.Clamp(customers / 25, 10, 150);
        var agents = new List<StaffMember>();
        var supervisors = new List<StaffMember>();
        foreach (var (team, share) in Teams)
        {
            var teamAgents = Math.Max(2, (int)Math.Round(agentCount * share));
            for (var i = 0; i < teamAgents; i++)
            {
                agents.Add(Member(faker, random, since, team, ActorRole.Agent));
            }
            for (var i = 0; i < Math.Max(1, (teamAgents + 7) / 8); i++)
            {
                supervisors.Add(Member(faker, random, since, team, ActorRole.Supervisor));
            }
        }
        var managers = new List<StaffMember>();
        for (var i = 0; i < Math.Max(2, (supervisors.Count + 3) / 4); i++)
        {
            managers.Add(Member(faker, random, since, "Service Management", ActorRole.Manager));
        }
        var telephony = new Actor(SeedIds.Version7(random, since), "Telephony feed", ActorRole.System);
        return new SeedStaff(agents, supervisors, managers, telephony);
    }

    /// <summary>The team that handles a case of this category.</summary>
    public static string TeamFor(CaseCategory category) => category switch
    {
        CaseCategory.Billing or CaseCategory.Payment or CaseCategory.Pricing => BillingTeam,
        CaseCategory.DefectiveProduct or CaseCategory.Warranty or CaseCategory.ShippingDelay or CaseCategory.OrderProcessing => OrdersTeam,
        CaseCategory.TechnicalFault or CaseCategory.AccountAccess or CaseCategory.WebsiteNavigation => TechnicalTeam,
        _ => CareTeam,
    };

    /// <summary>An agent, of <paramref name="team"/> most of the time (contacts are routed, but not perfectly).</summary>
    public StaffMember Agent(Randomizer random, string team)
    {
        ArgumentNullException.ThrowIfNull(random);
        return _agentsByTeam.TryGetValue(team, out var members) && random.Chance(0.85)
            ? random.ArrayElement(members)
            : random.ListItem((IList<StaffMember>)Agents);
    }

    /// <summary>A supervisor of <paramref name="team"/>.</summary>
    public StaffMember Supervisor(Randomizer random, string team)
    {
        ArgumentNullException.ThrowIfNull(random);
        return _supervisorsByTeam.TryGetValue(team, out var members)
            ? random.ArrayElement(members)
            : random.ListItem((IList<StaffMember>)Supervisors);
    }

    public StaffMember Manager(Randomizer random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.ListItem((IList<StaffMember>)Managers);
    }

    private static StaffMember Member(Faker faker, Randomizer random, DateTimeOffset since, string team, ActorRole role) =>
        new(new Actor(SeedIds.Version7(random, since), faker.Name.FullName(), role), team);
}
