using Crm.EventStore.Projections;
using Crm.Projections.Engine;

namespace Crm.Projections.Daemon;

/// <summary>Registers the CRM read models with the projection engine.</summary>
public static class CrmReadModels
{
    /// <summary>
    /// Adds the CRM read models of <paramref name="schema"/> to <paramref name="registry"/>: the
    /// customer timeline, customer profile and case view inline (in the append's transaction), the
    /// trends and agent performance async (run by the projection daemon). The schema's tables must
    /// exist (<see cref="ReadModelMigrator"/>) before the first append or daemon start.
    /// </summary>
    /// <param name="registry">The store's projection registry.</param>
    /// <param name="schema">The read-model schema.</param>
    /// <param name="asyncOptions">Batch size and poison policy of the async read models (default: 500 events, pause).</param>
    public static ProjectionRegistry AddCrmReadModels(this ProjectionRegistry registry, ReadModelSchema schema, AsyncProjectionOptions? asyncOptions = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var name in ReadModelProjections.All(schema).Select(p => p.Name))
        {
            var adapter = new ReadModelProjectionAdapter(schema, (bound, soleWriter) => ReadModelProjections.All(bound, soleWriter).Single(p => p.Name == name));
            if (adapter.Mode == ProjectionMode.Inline)
            {
                registry.Inline(adapter);
            }
            else
            {
                registry.Async(adapter, asyncOptions);
            }
        }
        return registry;
    }

    /// <summary>The names of the async CRM read models (what the daemon runs): trends and agent performance.</summary>
    public static IReadOnlyList<string> AsyncProjectionNames { get; } =
        [.. ReadModelProjections.All(ReadModelSchema.Default).Where(p => p.Mode == ProjectionMode.Async).Select(p => p.Name)];

    /// <summary>The names of the inline CRM read models: timeline, profile and case view.</summary>
    public static IReadOnlyList<string> InlineProjectionNames { get; } =
        [.. ReadModelProjections.All(ReadModelSchema.Default).Where(p => p.Mode == ProjectionMode.Inline).Select(p => p.Name)];
}
