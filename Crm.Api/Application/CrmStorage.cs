using Crm.Api.ReadModels;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.EventStore.Projections;
using Crm.Projections;
using Crm.Projections.Daemon;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Crm.Api.Application;

/// <summary>The event store and the read models of one database, and bringing their schemas up to date.</summary>
internal sealed class CrmStorage(IEventStore store, NpgsqlDataSource dataSource, ReadModelSchema readSchema)
{
    /// <summary>The event store.</summary>
    public IEventStore Store { get; } = store;

    /// <summary>Where the read models live.</summary>
    public ReadModelSchema ReadSchema { get; } = readSchema;

    /// <summary>Creates or migrates the event store's and the read models' tables; idempotent and safe to run from several processes.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await Store.InitializeAsync(cancellationToken);
        await new ReadModelMigrator(dataSource, ReadSchema).MigrateAsync(cancellationToken);
    }
}

/// <summary>
/// Runs the async read models (trends, agent performance) with the projection daemon while the
/// host runs; with several instances, each projection is run by exactly one of them.
/// </summary>
/// <remarks>
/// The service owns the daemon: the container never disposes it, so disposal cannot overtake a stop
/// still rolling back a batch; the daemon is stopped to the end, then disposed, here.
/// </remarks>
internal sealed class ProjectionDaemonService(ProjectionDaemon daemon) : IHostedService
{
    public ProjectionDaemon Daemon { get; } = daemon;

    public Task StartAsync(CancellationToken cancellationToken) => Daemon.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await Daemon.StopAsync(CancellationToken.None);
        await Daemon.DisposeAsync();
    }
}

/// <summary>Migrates the storage before the server takes requests, so the first request never meets a missing table.</summary>
internal sealed class CrmStorageInitializer(CrmStorage storage) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => storage.InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registration of the application layer: event store, read models, commands.</summary>
internal static class ApplicationSetup
{
    /// <summary>The event store's schema unless <c>Crm:EventStore:Schema</c> says otherwise.</summary>
    public const string DefaultStoreSchema = "event_store";

    /// <summary>
    /// Registers <see cref="CrmStorage"/>, <see cref="IEventStore"/> (with the inline read models —
    /// timeline, profile, case — as its append hooks), the <see cref="ProjectionDaemon"/> for the
    /// async ones (trends, agent performance), <see cref="ReadModelQueries"/>, <see cref="CrmReadModel"/>,
    /// <see cref="CrmPolicies"/> and <see cref="CrmCommands"/>. Needs an <see cref="NpgsqlDataSource"/>
    /// (see <c>AddCrmDatabase</c>). The daemon itself is started by <see cref="AddCrmProjectionDaemon"/>.
    /// Settings: <c>Crm:EventStore:Schema</c>, <c>Crm:ReadModels:Schema</c>,
    /// <c>Crm:Commands:MaxAttempts</c>, <c>Crm:Authority:*</c>, <c>Crm:Sla:*</c>.
    /// </summary>
    public static IServiceCollection AddCrmApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storeSchema = configuration["Crm:EventStore:Schema"] ?? DefaultStoreSchema;
        var readSchema = configuration["Crm:ReadModels:Schema"] is { Length: > 0 } name ? ReadModelSchema.Named(name) : ReadModelSchema.Default;
        var projections = new ProjectionRegistry().AddCrmReadModels(readSchema);
        var maxAttempts = configuration.GetValue("Crm:Commands:MaxAttempts", 16);
        if (maxAttempts < 1)
        {
            throw new InvalidOperationException($"Crm:Commands:MaxAttempts is {maxAttempts}; give at least 1.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(readSchema);
        services.AddSingleton(CrmPolicies.From(configuration));
        services.AddSingleton(projections);
        services.AddSingleton(sp => new PostgresEventStore(new EventStoreOptions
        {
            DataSource = StoreOf(sp),
            Schema = storeSchema,
            Types = CrmEventTypes.CreateRegistry(),
            SerializerOptions = CrmJson.CreateEventOptions(),
            AppendHooks = projections.AppendHooks,
        }));
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<PostgresEventStore>());
        services.AddSingleton(sp => new ProjectionDaemonService(new ProjectionDaemon(
            sp.GetRequiredService<PostgresEventStore>(),
            projections,
            new ProjectionDaemonOptions
            {
                InstanceId = $"{Environment.MachineName}:{Environment.ProcessId}",
                SessionDataSource = sp.GetRequiredService<NpgsqlDataSource>(),
                Diagnostics = ProjectionLog(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Crm.Projections")),
            })));
        services.AddSingleton(sp => new ReadModelQueries(ReadsOf(sp), readSchema));
        services.AddSingleton(sp => new CrmReadModel(ReadsOf(sp), readSchema, storeSchema));
        services.AddSingleton(sp => new CrmStorage(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<NpgsqlDataSource>(), readSchema));
        services.AddSingleton(sp => new CrmCommands(
            sp.GetRequiredService<IEventStore>(),
            sp.GetRequiredService<CrmPolicies>(),
            sp.GetRequiredService<TimeProvider>(),
            new Crm.Messaging.AggregateHandlerOptions { MaxAttempts = maxAttempts }));
        services.AddHostedService<CrmStorageInitializer>();
        return services;
    }

    /// <summary>Runs the projection daemon while the host runs (the service does; one-shot CLI verbs do not).</summary>
    public static IServiceCollection AddCrmProjectionDaemon(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemonService>());
        return services;
    }

    /// <summary>The data source for the event store's appends and reads when the host registers one (see <c>AddCrmDatabase</c>), else the service's.</summary>
    private static NpgsqlDataSource StoreOf(IServiceProvider services) =>
        services.GetKeyedService<NpgsqlDataSource>(Hosting.CrmDatabase.StoreKey) ?? services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>The data source for read-model queries when the host registers one (see <c>AddCrmDatabase</c>), else the service's.</summary>
    private static NpgsqlDataSource ReadsOf(IServiceProvider services) =>
        services.GetKeyedService<NpgsqlDataSource>(Hosting.CrmDatabase.ReadsKey) ?? services.GetRequiredService<NpgsqlDataSource>();

    private static Action<ProjectionDiagnostic> ProjectionLog(ILogger logger) => diagnostic =>
    {
        var level = diagnostic.Level switch
        {
            ProjectionDiagnosticLevel.Error => LogLevel.Error,
            ProjectionDiagnosticLevel.Warning => LogLevel.Warning,
            _ => LogLevel.Debug,
        };
        Hosting.LogMessages.Projection(logger, level, diagnostic.Projection ?? "daemon", diagnostic.Message, diagnostic.Exception);
    };
}
