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
            return new NpgsqlDataSourceBuilder(connectionString).Build();
        });
        return services;
    }
}
