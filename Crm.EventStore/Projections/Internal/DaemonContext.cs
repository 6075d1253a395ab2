using Crm.EventStore.Postgres;
using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>What a projection reads: the registered CLR types that match its filter (for the catch-up read) and the names they are stored under.</summary>
/// <param name="ReadTypes">Concrete registered types, or null for every event.</param>
/// <param name="StoredNames">Every stored name (renames and upcasts included) that reads as one of them, or null.</param>
internal sealed record ProjectionFilter(IReadOnlyCollection<Type>? ReadTypes, string[]? StoredNames)
{
    /// <summary>Expands the projection's types (which may be base types or interfaces) to the registered event types.</summary>
    /// <exception cref="ArgumentException">No registered event type matches one of them.</exception>
    public static ProjectionFilter For(RegisteredProjection projection, EventTypeRegistry types)
    {
        if (projection.EventTypes is null)
        {
            return new ProjectionFilter(null, null);
        }
        var registered = types.TypeNames.Select(types.GetClrType).Distinct().ToList();
        var read = new HashSet<Type>();
        foreach (var wanted in projection.EventTypes)
        {
            var matches = registered.Where(wanted.IsAssignableFrom).ToList();
            if (matches.Count == 0)
            {
                throw new ArgumentException(
                    $"Projection '{projection.Name}' wants events of type {wanted}, but no registered event type is one; register the event types with the store's EventTypeRegistry.",
                    nameof(projection));
            }
            read.UnionWith(matches);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in read)
        {
            names.UnionWith(types.StoredNamesOf(type));
        }
        return new ProjectionFilter([.. read], [.. names]);
    }
}

/// <summary>What the daemon's parts share.</summary>
internal sealed class DaemonContext(PostgresEventStore store, ProjectionStorage storage, ProjectionDaemonOptions options)
{
    public PostgresEventStore Store => store;

    public ProjectionStorage Storage => storage;

    public ProjectionDaemonOptions Options => options;

    /// <summary>Connections that hold session state (locks, LISTEN) come from here; see <see cref="ProjectionDaemonOptions.SessionDataSource"/>.</summary>
    public NpgsqlDataSource SessionDataSource => options.SessionDataSource ?? store.DataSource;

    /// <summary>The channel the daemon listens on for its own wake-ups (a resume, a swapped rebuild); the payload is a projection name.</summary>
    public string ControlChannel { get; } = $"{store.Schema}_projections";

    public long LeaderKey(string projection) => SchemaMigrator.StableKey($"projections/leader/{store.Schema}/{projection}");

    public long RebuildKey(string projection) => SchemaMigrator.StableKey($"projections/rebuild/{store.Schema}/{projection}");

    public void Report(ProjectionDiagnosticLevel level, string? projection, string message, Exception? exception = null) =>
        options.Diagnostics?.Invoke(new ProjectionDiagnostic(level, projection, message, exception));
}
