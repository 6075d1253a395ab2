using Crm.EventStore.Postgres;
using Crm.EventStore.Projections.Internal;

namespace Crm.EventStore.Projections;

/// <summary>
/// Runs the async projections of a <see cref="ProjectionRegistry"/> against a store, and rebuilds,
/// compares and reports on all of its projections. Start one per service instance
/// (<see cref="StartAsync"/>/<see cref="StopAsync"/> have the shape of a hosted service's): the
/// instances share the work through one PostgreSQL advisory lock per projection, so each projection
/// runs in exactly one instance, and another takes it over when that one stops or dies.
/// </summary>
/// <remarks>
/// Each batch writes the projection's rows and its checkpoint in one transaction, under a lock on
/// the checkpoint row and only if the checkpoint is still where the batch began: a crash at any
/// point neither loses nor repeats an event, even when two instances briefly both believe they lead.
/// Events are read with the store's catch-up read (<see cref="IEventStore.ReadAllAsync"/>), which
/// never skips an event; appends wake the daemon through LISTEN/NOTIFY, with a slow poll as fallback.
/// </remarks>
public sealed partial class ProjectionDaemon : IAsyncDisposable
{
    private readonly DaemonContext _context;
    private readonly IReadOnlyList<RegisteredProjection> _projections;
    private readonly Dictionary<string, RegisteredProjection> _byName;
    private readonly Dictionary<string, ProjectionFilter> _filters;
    private readonly Dictionary<string, ProjectionAgent> _agents;
    private readonly Lock _lifecycle = new();
    private readonly Lock _initializationGate = new();
    private Task? _initialization;
    private CancellationTokenSource? _stopping;
    private Task? _supervisor;
    private Task? _listener;

    // The stop in progress (or done): a second StopAsync, or DisposeAsync, waits for it instead of
    // racing it, so agents are never disposed while a stop is still rolling their batches back.
    private Task _stopped = Task.CompletedTask;

    /// <summary>Creates a daemon; nothing is sent to the database until it starts or is asked something.</summary>
    /// <exception cref="ArgumentException">A projection wants event types the store does not know, or an option is invalid.</exception>
    public ProjectionDaemon(PostgresEventStore store, ProjectionRegistry registry, ProjectionDaemonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new ProjectionDaemonOptions();
        options.Validate();
        var storage = new ProjectionStorage(store.DataSource, store.Sql.QuotedSchema, store.Sql.Events);
        _context = new DaemonContext(store, storage, options);
        _projections = registry.Snapshot();
        _byName = _projections.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _filters = _projections.ToDictionary(p => p.Name, p => ProjectionFilter.For(p, store.Types), StringComparer.Ordinal);
        _agents = _projections
            .Where(p => p.Kind == ProjectionKind.Async)
            .ToDictionary(p => p.Name, p => new ProjectionAgent(_context, p, _filters[p.Name]), StringComparer.Ordinal);
    }

    /// <summary>This instance's name, as status reports it for the projections it runs.</summary>
    public string InstanceId => _context.Options.InstanceId;

    /// <summary>The async projections this instance runs at this moment.</summary>
    public IReadOnlyCollection<string> LeadingProjections => [.. _agents.Values.Where(a => a.IsLeading).Select(a => a.Name)];

    /// <summary>Whether the daemon has been started and not stopped.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lifecycle)
            {
                return _stopping is not null;
            }
        }
    }

    /// <summary>
    /// Creates the engine's tables (in the store's schema) and registers the projections, once; the
    /// other operations call it themselves.
    /// </summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Task initialization;
        lock (_initializationGate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = InitializeCoreAsync();
            }
            initialization = _initialization;
        }
        return initialization.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Initializes, then starts running in the background: taking the projections no other instance
    /// runs, and listening for appends. Returns once started.
    /// </summary>
    /// <exception cref="InvalidOperationException">The daemon is already running.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        lock (_lifecycle)
        {
            if (_stopping is not null)
            {
                throw new InvalidOperationException("The projection daemon is already running.");
            }
            _stopping = new CancellationTokenSource();
            var stopping = _stopping.Token;
            _supervisor = Task.Run(() => SuperviseAsync(stopping), CancellationToken.None);
            _listener = Task.Run(() => ListenAsync(stopping), CancellationToken.None);
        }
    }

    /// <summary>
    /// Stops: batches in flight are rolled back, the projections' locks are released (so another
    /// instance takes over at once) and the connections closed. Does nothing when not running.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the shutdown (which goes on in the background).</param>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task stop;
        lock (_lifecycle)
        {
            if (_stopping is { } stopping)
            {
                Task[] tasks = [_supervisor!, _listener!];
                _stopping = null;
                _supervisor = null;
                _listener = null;
                _stopped = StopCoreAsync(stopping, tasks);
            }
            stop = _stopped;
        }
        return stop.WaitAsync(cancellationToken);
    }

    private static async Task StopCoreAsync(CancellationTokenSource stopping, Task[] tasks)
    {
        await stopping.CancelAsync();
        try
        {
            await Task.WhenAll(tasks);
        }
        finally
        {
            stopping.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var agent in _agents.Values)
        {
            agent.Dispose();
        }
    }

    private async Task InitializeCoreAsync()
    {
        await _context.Store.InitializeAsync(CancellationToken.None);
        await ProjectionSchemaMigrator.MigrateAsync(_context.Store.DataSource, _context.Store.Sql.QuotedSchema, _context.Store.Schema, CancellationToken.None);
        if (_projections.Count > 0)
        {
            await _context.Storage.RegisterAsync(_projections, CancellationToken.None);
        }
    }

    private RegisteredProjection Find(string projection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projection);
        return _byName.TryGetValue(projection, out var registered)
            ? registered
            : throw new ArgumentException(
                $"No projection named '{projection}' is registered; registered: {string.Join(", ", _projections.Select(p => p.Name))}.", nameof(projection));
    }
}
