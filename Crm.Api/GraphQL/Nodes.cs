using Crm.Api.Application;
using Crm.Api.ReadModels;
using Crm.Domain.Cases;
using Crm.EventStore;
using Crm.GraphQL;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

/// <summary>
/// A customer as a GraphQL object: the id, and the stream version when already known (e.g. right
/// after a change). Everything else is loaded on demand through the request's DataLoaders, so
/// selecting only the id costs no read.
/// </summary>
internal sealed record CustomerNode(Guid Id, long? Version = null);

/// <summary>A case as a GraphQL object; see <see cref="CustomerNode"/>.</summary>
internal sealed record CaseNode(Guid Id, long? Version = null);

/// <summary>The request's DataLoaders: each batches every key asked for in one wave into one read.</summary>
internal static class Loaders
{
    public static DataLoader<Guid, CustomerProfile> Profiles(IResolverContext context, CrmServices services) =>
        context.DataLoader("crm.profiles", services.Fetch.Profiles);

    public static DataLoader<Guid, CaseView> Cases(IResolverContext context, CrmServices services) =>
        context.DataLoader("crm.cases", services.Fetch.Cases);

    public static DataLoader<Guid, CaseEscalationView[]> Escalations(IResolverContext context, CrmServices services) =>
        context.GroupDataLoader("crm.escalations", services.Fetch.Escalations);

    public static DataLoader<Guid, CaseRemedyView[]> Remedies(IResolverContext context, CrmServices services) =>
        context.GroupDataLoader("crm.remedies", services.Fetch.Remedies);

    public static DataLoader<Guid, long> CustomerVersions(IResolverContext context, CrmServices services) =>
        context.DataLoader("crm.customer-versions", services.Fetch.CustomerVersions);

    /// <summary>
    /// Cases folded from their events (for what only the events hold, such as approval requests).
    /// One stream read per case, run concurrently: meant for a case's detail view.
    /// </summary>
    public static DataLoader<Guid, CaseState> CaseStates(IResolverContext context, CrmServices services) =>
        context.DataLoader("crm.case-states", services.Fetch.CaseStates);

    /// <summary>The customer's profile; an error when the read model has no such customer.</summary>
    public static ValueTask<CustomerProfile> ProfileOf(IResolverContext context, CrmServices services)
    {
        var node = (CustomerNode)context.Source!;
        var task = Profiles(context, services).LoadAsync(node.Id);
        return task.IsCompletedSuccessfully ? new ValueTask<CustomerProfile>(task.Result ?? throw Missing(NodeKind.Customer, node.Id)) : Await(task, NodeKind.Customer, node.Id);
    }

    /// <summary>The case's read-model row; an error when the read model has no such case.</summary>
    public static ValueTask<CaseView> ViewOf(IResolverContext context, CrmServices services)
    {
        var node = (CaseNode)context.Source!;
        var task = Cases(context, services).LoadAsync(node.Id);
        return task.IsCompletedSuccessfully ? new ValueTask<CaseView>(task.Result ?? throw Missing(NodeKind.Case, node.Id)) : Await(task, NodeKind.Case, node.Id);
    }

    private static async ValueTask<T> Await<T>(Task<T?> task, NodeKind kind, Guid id) => await task ?? throw Missing(kind, id);

    private static GraphQLException Missing(NodeKind kind, Guid id) =>
        new($"No {kind.ToString().ToLowerInvariant()} {id} is recorded.", "NOT_FOUND");
}

/// <summary>What the resolvers use, captured once when the schema is built.</summary>
/// <param name="Commands">The command service.</param>
/// <param name="Queries">The read models' own queries.</param>
/// <param name="Reads">The API's batch and list reads.</param>
/// <param name="Store">The event store (auditor queries).</param>
/// <param name="Time">The clock.</param>
/// <param name="EventJson">How events are shown to auditors (as stored).</param>
internal sealed record CrmServices(
    CrmCommands Commands,
    ReadModelQueries Queries,
    CrmReadModel Reads,
    IEventStore Store,
    TimeProvider Time,
    System.Text.Json.JsonSerializerOptions EventJson)
{
    /// <summary>The DataLoaders' batch reads, made once so that asking for a loader allocates nothing.</summary>
    public BatchReads Fetch { get; } = new(Reads, Store, Time);
}

/// <summary>The batch reads behind the DataLoaders.</summary>
internal sealed class BatchReads(CrmReadModel reads, IEventStore store, TimeProvider time)
{
    public Func<IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, CustomerProfile>>> Profiles { get; } =
        (ids, ct) => reads.ProfilesAsync(ids, time.GetUtcNow(), ct);

    public Func<IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, CaseView>>> Cases { get; } = reads.CasesAsync;

    public Func<IReadOnlyList<Guid>, CancellationToken, Task<ILookup<Guid, CaseEscalationView>>> Escalations { get; } = reads.EscalationsAsync;

    public Func<IReadOnlyList<Guid>, CancellationToken, Task<ILookup<Guid, CaseRemedyView>>> Remedies { get; } = reads.RemediesAsync;

    public Func<IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, long>>> CustomerVersions { get; } = async (ids, ct) =>
    {
        var versions = await reads.StreamVersionsAsync([.. ids.Select(CrmStreams.Customer)], ct);
        var byId = new Dictionary<Guid, long>(ids.Count);
        foreach (var id in ids)
        {
            byId[id] = versions.GetValueOrDefault(CrmStreams.Customer(id));
        }
        return byId;
    };

    public Func<IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, CaseState>>> CaseStates { get; } = async (ids, ct) =>
    {
        var states = await Task.WhenAll(ids.Select(id => store.AggregateAsync(
            CrmStreams.Case(id), CaseDecider.Initial, static (s, e) => CaseDecider.Evolve(s, (CaseEvent)e.Data), cancellationToken: ct)));
        var byId = new Dictionary<Guid, CaseState>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            byId[ids[i]] = states[i].State;
        }
        return byId;
    };
}
