using Crm.Api.Application;
using Crm.Api.Hosting;
using Crm.EventStore;
using Crm.Projections;
using Npgsql;

namespace Crm.Api.Cli;

/// <summary>
/// The database a verb works on, resolved exactly as the service resolves it (the configured
/// <c>ConnectionStrings:Crm</c>, or the embedded local cluster under the data folder), with the
/// event store, read models and policies registered as the service registers them.
/// </summary>
internal sealed class CliStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliStorage(ServiceProvider services, string where)
    {
        _services = services;
        Where = where;
    }

    /// <summary>Where the data is, for people: the configured server or the local cluster.</summary>
    public string Where { get; }

    public IConfiguration Configuration => _services.GetRequiredService<IConfiguration>();

    public NpgsqlDataSource DataSource => _services.GetRequiredService<NpgsqlDataSource>();

    public IEventStore Store => _services.GetRequiredService<IEventStore>();

    public CrmStorage Storage => _services.GetRequiredService<CrmStorage>();

    public CrmPolicies Policies => _services.GetRequiredService<CrmPolicies>();

    public ReadModelSchema ReadSchema => _services.GetRequiredService<ReadModelSchema>();

    public Crm.EventStore.Projections.ProjectionDaemon Daemon => _services.GetRequiredService<ProjectionDaemonService>().Daemon;

    /// <summary>Resolves the database (starting the local cluster when it is the default and not running) and sets up the services on it.</summary>
    /// <param name="configuration">The verb's configuration.</param>
    /// <param name="log">Hears about the local cluster (started, or already running).</param>
    public static CliStorage Open(IConfiguration configuration, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = CrmDatabase.ResolveConnectionString(configuration, log);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var where = string.IsNullOrWhiteSpace(configuration.GetConnectionString(CrmDatabase.ConnectionStringName))
            ? $"the local PostgreSQL cluster (127.0.0.1:{builder.Port}, database {builder.Database})"
            : $"database {builder.Database} on {builder.Host}:{builder.Port}";
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddCrmApplication(configuration);
        return new CliStorage(services.BuildServiceProvider(), where);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
