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

    public static IServiceCollection AddCrmDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Crm.Database");
            var connectionString = ResolveConnectionString(
                sp.GetRequiredService<IConfiguration>(),
                message => LogMessages.LocalDatabase(logger, message));
            return CreateDataSource(connectionString);
        });
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
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
        }
        return builder.Build();
    }
}
