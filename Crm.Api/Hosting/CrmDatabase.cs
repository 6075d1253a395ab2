using Crm.Api.LocalDatabase;
using Npgsql;

namespace Crm.Api.Hosting;

/// <summary>
/// Resolves the database the service uses: <c>ConnectionStrings:Crm</c> when configured, else the
/// embedded default, a private cluster kept under the data folder (<c>Crm:DataDirectory</c>,
/// default <c>.crm</c>) that is created on the first run and started when stopped.
/// </summary>
public static class CrmDatabase
{
    public const string ConnectionStringName = "Crm";

    /// <summary>How many statements each connection keeps prepared unless the connection string says otherwise.</summary>
    public const int AutoPreparedStatements = 100;

    /// <summary>The service key of the data source for read-model queries.</summary>
    public const string ReadsKey = "crm.reads";

    /// <summary>The service key of the data source the event store appends and reads through (see <see cref="CreateStoreDataSource"/>).</summary>
    public const string StoreKey = "crm.store";

    public static string ResolveConnectionString(IConfiguration configuration, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataDirectory = Path.GetFullPath(configuration["Crm:DataDirectory"] ?? ".crm");
        var cluster = new LocalPostgresCluster(
            new LocalPostgresOptions
            {
                DataDirectory = Path.Combine(dataDirectory, "postgres"),
                PreferredPort = configuration.GetValue("Crm:LocalPostgres:Port", 54329),
                BinDirectory = configuration["Crm:LocalPostgres:BinDirectory"],
            },
            log);
        var instance = cluster.EnsureStartedAsync().GetAwaiter().GetResult();
        log(instance.WasRunning
            ? $"using the local PostgreSQL cluster already running on 127.0.0.1:{instance.Port}"
            : $"started the local PostgreSQL cluster on 127.0.0.1:{instance.Port} (data in {cluster.DataDirectory})");
        return instance.ConnectionString;
    }

    /// <summary>
    /// Registers the service's <see cref="NpgsqlDataSource"/> (see <see cref="CreateDataSource"/>)
    /// and, under <see cref="ReadsKey"/>, the one the read models are queried through
    /// (see <see cref="CreateReadDataSource"/>) and, under <see cref="StoreKey"/>, the one the event
    /// store appends and reads through (see <see cref="CreateStoreDataSource"/>).
    /// </summary>
    public static IServiceCollection AddCrmDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Crm.Database");
            return new ResolvedConnectionString(ResolveConnectionString(
                sp.GetRequiredService<IConfiguration>(),
                message => LogMessages.LocalDatabase(logger, message)));
        });
        services.AddSingleton(sp => CreateDataSource(sp.GetRequiredService<ResolvedConnectionString>().Value));
        services.AddKeyedSingleton(ReadsKey, (sp, _) => CreateReadDataSource(sp.GetRequiredService<ResolvedConnectionString>().Value));
        services.AddKeyedSingleton(StoreKey, (sp, _) => CreateStoreDataSource(sp.GetRequiredService<ResolvedConnectionString>().Value));
        return services;
    }

    /// <summary>
    /// The service's data source. Unless the connection string sets <c>Max Auto Prepare</c>, Npgsql
    /// prepares, on each pooled connection, the statements it runs repeatedly: the service runs a
    /// small, fixed set of statements, and parsing and planning them on every request cost the
    /// database more than running them (the customer view's statements, measured alone, ran about
    /// twice as fast prepared). Set <c>Max Auto Prepare=0</c> behind a pooler that cannot keep
    /// prepared statements (e.g. PgBouncer in transaction mode before 1.21).
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) => Build(connectionString, resetOnClose: true);

    /// <summary>
    /// The data source the read models are queried through: as <see cref="CreateDataSource"/>, but
    /// a connection going back to the pool is not reset (<c>No Reset On Close</c>, unless the
    /// connection string sets it). Read-model queries are single statements that leave no session
    /// state behind (no SET, LISTEN, advisory or temporary objects), and the reset Npgsql otherwise
    /// sends with a connection's next statement (SET SESSION AUTHORIZATION DEFAULT, RESET ALL,
    /// CLOSE ALL, UNLISTEN *, pg_advisory_unlock_all(), DISCARD SEQUENCES, DISCARD TEMP) cost the
    /// database more than the customer view's own statements. Writers, the projection daemon and
    /// anything else that may change session state keep the resetting data source. It is a pool of
    /// its own, with the same <c>Max Pool Size</c>.
    /// </summary>
    public static NpgsqlDataSource CreateReadDataSource(string connectionString) => Build(connectionString, resetOnClose: false);

    /// <summary>
    /// The data source the event store appends and reads through, its projection daemon included:
    /// as <see cref="CreateDataSource"/>, without the reset of reused connections. A command takes a
    /// pooled connection two or three times (the stream's tail, the append with the inline read
    /// models, the notification) and the daemon several times per batch, and each reset is seven
    /// statements. The store's statements leave no session state (its locks are transaction locks);
    /// the daemon's connections that do hold session state (leadership locks, LISTEN, rebuild guards)
    /// come from the resetting data source (<c>ProjectionDaemonOptions.SessionDataSource</c>).
    /// </summary>
    public static NpgsqlDataSource CreateStoreDataSource(string connectionString) => Build(connectionString, resetOnClose: false);

    private static NpgsqlDataSource Build(string connectionString, bool resetOnClose)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!Given(given, "Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
        }
        if (!resetOnClose && !Given(given, "No Reset On Close"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }
        return builder.Build();
    }

    /// <summary>Whether the connection string names the setting (spelled with or without spaces).</summary>
    private static bool Given(System.Data.Common.DbConnectionStringBuilder given, string keyword) =>
        given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal));

    private sealed record ResolvedConnectionString(string Value);
}
