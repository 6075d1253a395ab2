using System.Text.RegularExpressions;
using Crm.EventStore.Projections.Internal;

namespace Crm.EventStore.Projections;

/// <summary>
/// The projections of one store, inline and async. Build it before the store: give
/// <see cref="AppendHooks"/> to <see cref="EventStoreOptions.AppendHooks"/> (which runs the inline
/// ones), and the registry to the <see cref="ProjectionDaemon"/> (which runs the async ones and
/// rebuilds, compares and reports on all of them).
/// </summary>
/// <example>
/// <code>
/// var projections = new ProjectionRegistry()
///     .Inline(new OrderSummaryProjection())
///     .Async(new DailySalesProjection(), new AsyncProjectionOptions { OnPoisonEvent = PoisonEventPolicy.SkipToDeadLetter });
/// var store = new PostgresEventStore(new EventStoreOptions { DataSource = dataSource, Types = types, AppendHooks = projections.AppendHooks });
/// await using var daemon = new ProjectionDaemon(store, projections);
/// </code>
/// </example>
public sealed partial class ProjectionRegistry
{
    private readonly List<RegisteredProjection> _projections = [];
    private readonly Dictionary<ProjectionTable, string> _tableOwners = [];
    private IReadOnlyList<IAppendHook>? _hooks;

    /// <summary>Registers a projection that runs inside every append's transaction.</summary>
    /// <exception cref="ArgumentException">The projection's name, event types or tables are invalid, or taken by another projection.</exception>
    /// <exception cref="InvalidOperationException">The registry is already in use (its append hooks were taken).</exception>
    public ProjectionRegistry Inline(IProjection projection)
    {
        Add(projection, ProjectionKind.Inline, null);
        return this;
    }

    /// <summary>Registers a projection that the daemon runs behind the log, in batches.</summary>
    /// <exception cref="ArgumentException">The projection's name, event types or tables are invalid, or taken by another projection.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The registry is already in use (its append hooks were taken).</exception>
    public ProjectionRegistry Async(IProjection projection, AsyncProjectionOptions? options = null)
    {
        options ??= new AsyncProjectionOptions();
        options.Validate();
        Add(projection, ProjectionKind.Async, options);
        return this;
    }

    /// <summary>
    /// The hooks that run the inline projections, one per projection in the order registered, each
    /// given only the events it wants. Taking them freezes the registry.
    /// </summary>
    public IReadOnlyList<IAppendHook> AppendHooks
    {
        get
        {
            lock (_projections)
            {
                return _hooks ??= [.. _projections.Where(p => p.Kind == ProjectionKind.Inline).Select(p => new InlineProjectionHook(p.Projection))];
            }
        }
    }

    /// <summary>The names of every registered projection, in the order registered.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_projections)
            {
                return [.. _projections.Select(p => p.Name)];
            }
        }
    }

    /// <summary>The tables a registered projection writes (and a rebuild replaces).</summary>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    public IReadOnlyList<ProjectionTable> TablesOf(string projection)
    {
        lock (_projections)
        {
            return _projections.FirstOrDefault(p => string.Equals(p.Name, projection, StringComparison.Ordinal))?.Tables
                ?? throw new ArgumentException($"No projection is registered as '{projection}'.", nameof(projection));
        }
    }

    internal IReadOnlyList<RegisteredProjection> Snapshot()
    {
        lock (_projections)
        {
            // The daemon works from a fixed list: later registrations could not have inline hooks anyway.
            _hooks ??= [.. _projections.Where(p => p.Kind == ProjectionKind.Inline).Select(p => new InlineProjectionHook(p.Projection))];
            return [.. _projections];
        }
    }

    private void Add(IProjection projection, ProjectionKind kind, AsyncProjectionOptions? options)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var name = projection.Name;
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"The projection name '{name}' is not allowed: use 1 to 100 letters, digits, '.', '_', '-' or ':'.", nameof(projection));
        }
        var eventTypes = projection.EventTypes;
        if (eventTypes is not null && (eventTypes.Count == 0 || eventTypes.Any(t => t is null)))
        {
            throw new ArgumentException(
                $"Projection '{name}' lists no event types or a null one; list at least one type, or return null to receive every event.", nameof(projection));
        }
        var tables = projection.Tables;
        if (tables is null || tables.Count == 0 || tables.Any(t => t is null))
        {
            throw new ArgumentException($"Projection '{name}' declares no tables or a null one; declare every table it writes.", nameof(projection));
        }
        if (tables.Distinct().Count() != tables.Count)
        {
            throw new ArgumentException($"Projection '{name}' declares a table twice.", nameof(projection));
        }
        lock (_projections)
        {
            if (_hooks is not null)
            {
                throw new InvalidOperationException("The projection registry is in use by a store or a daemon and can no longer change; register every projection first.");
            }
            if (_projections.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"A projection named '{name}' is already registered.", nameof(projection));
            }
            foreach (var table in tables)
            {
                if (_tableOwners.TryGetValue(table, out var owner))
                {
                    throw new ArgumentException($"Table {table} of projection '{name}' already belongs to projection '{owner}'; a table has one writer.", nameof(projection));
                }
            }
            foreach (var table in tables)
            {
                _tableOwners.Add(table, name);
            }
            _projections.Add(new RegisteredProjection(projection, kind, options, [.. tables], eventTypes is null ? null : [.. eventTypes]));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
