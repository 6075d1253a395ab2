using Crm.Api.LocalDatabase;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Npgsql;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// The PostgreSQL a suite measures against: <c>--connection</c> when given, else a durable local
/// cluster of its own under <c>artifacts/bench/postgres</c> (fsync on: the numbers must mean something).
/// Every suite works in a fresh database that it drops at the end.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private static readonly string[] ReportedSettings =
        ["server_version", "shared_buffers", "fsync", "synchronous_commit", "wal_level", "max_wal_size", "full_page_writes", "commit_delay", "max_connections"];

    private readonly string _adminConnectionString;
    private readonly LocalPostgresCluster? _cluster;

    private BenchDatabase(string adminConnectionString, string connectionString, LocalPostgresCluster? cluster)
    {
        _adminConnectionString = adminConnectionString;
        _cluster = cluster;
        ConnectionString = connectionString;
        ServiceConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = new NpgsqlConnectionStringBuilder(connectionString).Database }.ConnectionString;
        DataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The suite's own cluster's data directory; null with <c>--connection</c>.</summary>
    public string? ClusterDataDirectory => _cluster?.DataDirectory;

    /// <summary>The database as an operator would configure the service for it: no pool settings of the suite's.</summary>
    public string ServiceConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchOptions options)
    {
        string admin;
        LocalPostgresCluster? cluster = null;
        if (options.ConnectionString is { } given)
        {
            admin = given;
        }
        else
        {
            cluster = new LocalPostgresCluster(
                new LocalPostgresOptions
                {
                    DataDirectory = Path.Combine(options.OutputDirectory, "postgres"),
                    PreferredPort = 54339,
                    Settings = new Dictionary<string, string> { ["max_connections"] = "200" },
                },
                message => Console.Error.WriteLine(message));
            admin = (await cluster.EnsureStartedAsync()).AdminConnectionString;
        }
        var name = $"bench_{options.Suite.Replace('-', '_')}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 150 }.ConnectionString;
        return new BenchDatabase(admin, connectionString, cluster);
    }

    /// <summary>
    /// An event store in its own schema of this database, migrated, with the store's default
    /// settings unless told otherwise (notifications on, as the service runs it).
    /// </summary>
    public async Task<PostgresEventStore> CreateStoreAsync(string schema, bool notifyOnAppend = true)
    {
        var store = new PostgresEventStore(new EventStoreOptions
        {
            DataSource = DataSource,
            Schema = schema,
            Types = InteractionWorkload.Registry(),
            NotifyOnAppend = notifyOnAppend,
        });
        await store.InitializeAsync();
        return store;
    }

    /// <summary>How many events a store holds (a check that a suite wrote what it claims).</summary>
    public async Task<long> CountEventsAsync(PostgresEventStore store)
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM \"{store.Schema}\".events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The server settings that decide write throughput, for the report.</summary>
    public async Task<Dictionary<string, string>> SettingsAsync()
    {
        var result = new Dictionary<string, string>();
        await using var command = DataSource.CreateCommand(
            "SELECT name, setting || coalesce(' ' || unit, '') FROM pg_settings WHERE name = ANY($1) ORDER BY name");
        command.Parameters.Add(new NpgsqlParameter { Value = ReportedSettings });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        if (_cluster is not null)
        {
            // The suite's own cluster does not outlive the run; its data folder stays for the next one.
            NpgsqlConnection.ClearAllPools();
            await _cluster.StopAsync();
        }
    }
}
