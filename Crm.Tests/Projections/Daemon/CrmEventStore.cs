using Crm.Domain.Cases;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.EventStore.Projections;
using Crm.Projections.Engine;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Projections.Daemon;

/// <summary>A real event store holding the CRM's domain events, for the read models run by the projection engine.</summary>
internal static class CrmEventStore
{
    /// <summary>Every concrete domain event, registered under its type name.</summary>
    public static EventTypeRegistry Types()
    {
        var registry = new EventTypeRegistry();
        var domain = typeof(CaseEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsAbstract: true } b && b.Name.EndsWith("Event", StringComparison.Ordinal) && b.Namespace!.StartsWith("Crm.Domain", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in domain)
        {
            registry.Register(type, type.Name);
        }
        return registry;
    }

    public static PostgresEventStore Create(PostgresDatabase database, string schema, ProjectionRegistry registry) =>
        new(new EventStoreOptions { DataSource = database.DataSource, Schema = schema, Types = Types(), AppendHooks = registry.AppendHooks });

    /// <summary>Appends the script's events as the service would: each to its stream, at the version the script gave it, with its business time.</summary>
    public static async Task AppendAsync(PostgresEventStore store, IEnumerable<ProjectedEvent> events)
    {
        foreach (var e in events)
        {
            await store.AppendAsync(
                e.StreamId,
                ExpectedVersion.Exactly(e.StreamVersion - 1),
                [new EventData(e.Event, new EventMetadata { OccurredAt = e.OccurredAt })]);
        }
    }

    /// <summary>The events as stored, in commit order, as the read models receive them.</summary>
    public static async Task<List<ProjectedEvent>> ReadBackAsync(PostgresEventStore store)
    {
        var all = new List<ProjectedEvent>();
        var checkpoint = Checkpoint.Start;
        while (true)
        {
            var page = await store.ReadAllAsync(checkpoint);
            all.AddRange(page.Events.Select(e => ProjectedEvents.FromStore(e.Position.Value, e.StreamId, e.Version.Value, e.Data, e.OccurredAt, e.RecordedAt)));
            checkpoint = page.Next;
            if (page.IsCaughtUp)
            {
                return all;
            }
        }
    }
}
