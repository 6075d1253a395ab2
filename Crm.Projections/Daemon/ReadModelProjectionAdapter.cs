using System.Collections.Concurrent;
using Crm.EventStore;
using Crm.EventStore.Projections;
using Crm.Projections.Engine;
using Npgsql;

namespace Crm.Projections.Daemon;

/// <summary>
/// One CRM read model as a projection of the engine. The read models are bound to a whole schema
/// (<see cref="ReadModelSchema"/>) and keep their table names, which is exactly how a rebuild lays out
/// its fresh tables (same names, a schema of their own): for the live tables the adapter uses the
/// read model bound to the live schema, for a rebuild one bound to the schema the
/// <see cref="TableMap"/> names. A rebuild's tables have no other writer, which the read model
/// bound to them is told (see <see cref="ReadModelProjections.All"/>).
/// </summary>
internal sealed class ReadModelProjectionAdapter : IProjection
{
    private readonly ReadModelSchema _schema;
    private readonly IReadModelProjection _live;
    private readonly Func<ReadModelSchema, bool, IReadModelProjection> _bind;
    private readonly ConcurrentDictionary<string, IReadModelProjection> _elsewhere = new(StringComparer.Ordinal);

    /// <param name="schema">The live read-model schema.</param>
    /// <param name="bind">Creates the read model bound to a schema (the live one, or a rebuild's) and told whether it is that schema's sole writer.</param>
    public ReadModelProjectionAdapter(ReadModelSchema schema, Func<ReadModelSchema, bool, IReadModelProjection> bind)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(bind);
        _schema = schema;
        _bind = bind;
        _live = bind(schema, false);
        Tables = [.. _live.Tables.Select(t => new ProjectionTable(schema.Name, t))];
    }

    public string Name => _live.Name;

    public ProjectionMode Mode => _live.Mode;

    /// <summary>Every event: each read model picks the CRM events it knows and ignores the rest.</summary>
    public IReadOnlyCollection<Type>? EventTypes => null;

    public IReadOnlyList<ProjectionTable> Tables { get; }

    public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, TableMap tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(tables);
        var target = tables.SchemaOf(_schema.Name);
        var projection = target == _schema.Name ? _live : _elsewhere.GetOrAdd(target, name => _bind(ReadModelSchema.Named(name), true));
        var projected = new ProjectedEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            projected[i] = ProjectedEvents.FromStore(e.Position.Value, e.StreamId, e.Version.Value, e.Data, e.OccurredAt, e.RecordedAt);
        }
        return projection.ApplyAsync(projected, transaction.Connection!, transaction, cancellationToken);
    }
}
