using Crm.EventStore;
using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>Status comes from the database: lag in events and time, state from the locks actually held; the engine's tables are migrated like the store's.</summary>
public sealed class StatusTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Lag_CountsTheEventsOfItsTypesNotYetApplied_AndTheAgeOfTheOldest()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        var storeSchema = UniqueSchema();
        await using var store = Store(database, storeSchema, registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("lagging"));
        await AppendItemsAsync(store, "cart", 4);
        await store.AppendAsync("notes", ExpectedVersion.NoStream, [new EventData(new NoteWritten("not counted"))]);
        await ExecuteAsync(database, $"UPDATE \"{storeSchema}\".events SET recorded_at = recorded_at - interval '90 seconds' WHERE version = 1");
        var ageSql = $"SELECT extract(epoch FROM now() - min(recorded_at)) * 1000000 FROM \"{storeSchema}\".events WHERE type_name = 'item-added'";

        var before = await ScalarAsync(database, ageSql);
        var stopped = await daemon.GetStatusAsync("items");
        var after = await ScalarAsync(database, ageSql);

        Assert.Equal(ProjectionState.Stopped, stopped.State);
        Assert.Null(stopped.Owner);
        Assert.Equal(Checkpoint.Start, stopped.Checkpoint);
        Assert.Equal(4, stopped.LagEvents);
        Assert.InRange(stopped.Lag.Ticks / 10, before, after);
        Assert.True(stopped.Lag >= TimeSpan.FromSeconds(90));

        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);
        var running = await daemon.GetStatusAsync("items");

        Assert.Equal(ProjectionState.Running, running.State);
        Assert.Equal("lagging", running.Owner);
        Assert.Equal(0, running.LagEvents);
        Assert.Equal(TimeSpan.Zero, running.Lag);
        Assert.Equal(4, running.EventsApplied);
    }

    [Fact]
    public async Task WaitForCatchUp_TimesOut_NamingTheProjectionsThatLag_WhenNoDaemonRunsThem()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("idle"));
        await AppendItemsAsync(store, "cart", 1);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => daemon.WaitForCatchUpAsync(TimeSpan.FromMilliseconds(50)));

        Assert.Contains("'items' at 0/0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnginesTables_AreMigratedOnce_AndAChangedScriptIsRefused()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        var storeSchema = UniqueSchema();
        await using var store = Store(database, storeSchema, registry);
        await using (var first = new ProjectionDaemon(store, registry, Options("first")))
        {
            await first.InitializeAsync();
        }
        await using (var second = new ProjectionDaemon(store, registry, Options("second")))
        {
            await second.InitializeAsync();
        }
        Assert.Equal(1, await ScalarAsync(database, $"SELECT count(*) FROM \"{storeSchema}\".projection_migrations"));
        Assert.Equal(1, await ScalarAsync(database, $"SELECT count(*) FROM \"{storeSchema}\".projection_checkpoints WHERE name = 'items' AND kind = 'async'"));

        await ExecuteAsync(database, $"UPDATE \"{storeSchema}\".projection_migrations SET checksum = 'edited'");
        await using var third = new ProjectionDaemon(store, registry, Options("third"));
        var error = await Assert.ThrowsAsync<EventStoreSchemaException>(() => third.InitializeAsync());
        Assert.Contains("different script", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseTypesAndInterfaces_SelectEveryRegisteredEventTypeThatIsOne()
    {
        var storeSchema = UniqueSchema();
        var seen = new List<string>();
        var registry = new ProjectionRegistry().Async(new Recording("animals", [typeof(Animal)], seen));
        var types = Types().Register<Dog>("dog").Register<Cat>("cat");
        await using var store = Create(database, types, registry.AppendHooks, storeSchema);
        await using var daemon = new ProjectionDaemon(store, registry, Options("animals"));
        await store.AppendAsync("zoo", ExpectedVersion.NoStream, [new EventData(new Dog("rex")), Added("not an animal"), new EventData(new Cat("tom"))]);

        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal(["rex", "tom"], seen);
        Assert.Equal(0, (await daemon.GetStatusAsync("animals")).LagEvents);
    }

    private abstract record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    private sealed record Cat(string Name) : Animal(Name);

    /// <summary>Records the names of the animals it is given; its table is never written.</summary>
    private sealed class Recording(string name, IReadOnlyCollection<Type> types, List<string> seen) : IProjection
    {
        public string Name => name;

        public IReadOnlyCollection<Type>? EventTypes => types;

        public IReadOnlyList<ProjectionTable> Tables { get; } = [new("public", "animals_unused")];

        public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, TableMap tables, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.AddRange(events.Select(e => ((Animal)e.Data).Name));
            }
            return Task.CompletedTask;
        }
    }
}
