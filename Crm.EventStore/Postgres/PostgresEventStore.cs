using System.Text.Json;
using Npgsql;

namespace Crm.EventStore.Postgres;

/// <summary>
/// The PostgreSQL event store. Create one per schema and share it: it is thread-safe. Its schema
/// is created and migrated on first use (or by <see cref="InitializeAsync"/>).
/// </summary>
public sealed partial class PostgresEventStore : IEventStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly EventStoreSql _sql;
    private readonly EventTypeRegistry _types;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly IAppendHook[] _hooks;
    private readonly bool _notify;
    private readonly AppendNotifier? _notifier;
    private readonly Lock _initializationGate = new();
    private Task? _initialization;
    private volatile bool _initialized;

    /// <summary>Creates a store; nothing is sent to the database until first use.</summary>
    /// <exception cref="ArgumentException">The options are incomplete or invalid.</exception>
    public PostgresEventStore(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Types, nameof(options.Types));
        ArgumentNullException.ThrowIfNull(options.SerializerOptions, nameof(options.SerializerOptions));
        ArgumentNullException.ThrowIfNull(options.AppendHooks, nameof(options.AppendHooks));
        SchemaMigrator.ValidateSchemaName(options.Schema);
        if ((options.DataSource is null) == string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("Give the event store exactly one of DataSource and ConnectionString.", nameof(options));
        }
        // Checked first: a registry whose upcasters or renames lead nowhere is a programming error.
        options.Types.Freeze();
        _hooks = [.. options.AppendHooks];
        if (Array.IndexOf(_hooks, null) >= 0)
        {
            throw new ArgumentException("An append hook is null.", nameof(options));
        }
        _ownsDataSource = options.DataSource is null;
        _dataSource = options.DataSource ?? NpgsqlDataSource.Create(options.ConnectionString!);
        _sql = new EventStoreSql(options.Schema);
        _types = options.Types;
        _serializerOptions = new JsonSerializerOptions(options.SerializerOptions);
        _serializerOptions.MakeReadOnly(populateMissingResolver: true);
        _notify = options.NotifyOnAppend;
        _notifier = _notify ? new AppendNotifier(_dataSource, _sql.NotificationChannel, options.OnNotificationFailed) : null;
    }

    /// <summary>The PostgreSQL schema of the store's tables.</summary>
    public string Schema => _sql.Schema;

    /// <summary>
    /// The channel appends notify on (when <see cref="EventStoreOptions.NotifyOnAppend"/>); LISTEN to it to
    /// wake catch-up consumers. Notifications come after the appends have committed, possibly one for several.
    /// </summary>
    public string NotificationChannel => _sql.NotificationChannel;

    /// <summary>The event types this store reads and writes.</summary>
    public EventTypeRegistry Types => _types;

    internal NpgsqlDataSource DataSource => _dataSource;

    /// <summary>The background sender of notifications after commits (null when notifications are off).</summary>
    internal AppendNotifier? Notifier => _notifier;

    internal EventStoreSql Sql => _sql;

    internal JsonSerializerOptions SerializerOptions => _serializerOptions;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Task initialization;
        lock (_initializationGate)
        {
            // One migration run for all callers; a failed one is retried by the next caller.
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = MigrateAsync();
            }
            initialization = _initialization;
        }
        return initialization.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stops the store's background notification sender (appends committed but not yet announced
    /// are not announced; consumers that poll still find them) and disposes the data source if the
    /// store created it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_notifier is not null)
        {
            await _notifier.DisposeAsync();
        }
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    private async Task MigrateAsync()
    {
        await SchemaMigrator.MigrateAsync(_dataSource, _sql, CancellationToken.None);
        _initialized = true;
    }

    private ValueTask EnsureInitializedAsync(CancellationToken cancellationToken) =>
        _initialized ? ValueTask.CompletedTask : new ValueTask(InitializeAsync(cancellationToken));

    private static void ValidateMaxCount(int maxCount, string parameterName)
    {
        if (maxCount is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(parameterName, maxCount, "A page holds 1 to 10,000 events.");
        }
    }
}
