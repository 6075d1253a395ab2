using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using Npgsql;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>Several instances against one database: each projection runs in exactly one, and moves when that one stops or dies.</summary>
public sealed class DaemonLeadershipTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] Names = ["alpha", "beta", "gamma", "delta"];

    /// <summary>One service instance: its own connection pool, store, registry, projection objects and daemon, as another process would have.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        public required NpgsqlDataSource DataSource { get; init; }

        public required PostgresEventStore Store { get; init; }

        public required ProjectionDaemon Daemon { get; init; }

        public required Dictionary<string, CountingProjection> Projections { get; init; }

        /// <summary>The instance is cut off: its pool is closed (it cannot reconnect) and its lock and notification connections are ended.</summary>
        public async Task DieAsync(PostgresDatabase database)
        {
            var locks = Daemon.LockProcessId;
            var listener = Daemon.ListenerProcessId;
            await DataSource.DisposeAsync();
            await TerminateAsync(database, locks);
            await TerminateAsync(database, listener);
        }

        public async ValueTask DisposeAsync()
        {
            await Daemon.DisposeAsync();
            await Store.DisposeAsync();
            await DataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoDaemons_EachProjectionIsRunByExactlyOne_AndNoEventIsAppliedTwice()
    {
        var (storeSchema, readSchema) = await CreateTablesAsync();
        await using var a = Start("instance-a", storeSchema, readSchema);
        await using var b = Start("instance-b", storeSchema, readSchema);
        await a.Daemon.StartAsync();
        await b.Daemon.StartAsync();

        await EventuallyAsync(() => a.Daemon.LeadingProjections.Count + b.Daemon.LeadingProjections.Count == Names.Length, "every projection has a leader");
        await AppendItemsAsync(a.Store, "cart-a", 20);
        await AppendItemsAsync(b.Store, "cart-b", 20);
        await a.Daemon.WaitForCatchUpAsync(Deadline);

        Assert.Empty(a.Daemon.LeadingProjections.Intersect(b.Daemon.LeadingProjections));
        Assert.Equal(Names.Order(), a.Daemon.LeadingProjections.Union(b.Daemon.LeadingProjections).Order());
        var statuses = await b.Daemon.GetStatusAsync();
        foreach (var name in Names)
        {
            var status = statuses.Single(s => s.Name == name);
            var leader = a.Daemon.LeadingProjections.Contains(name) ? a : b;
            var other = leader == a ? b : a;
            Assert.Equal(ProjectionState.Running, status.State);
            Assert.Equal(leader.Daemon.InstanceId, status.Owner);
            Assert.Equal(40, status.EventsApplied);
            Assert.Equal((40, 0), await AppliedAsync(database, leader.Projections[name]));
            Assert.Equal(40, leader.Projections[name].EventsSeen);
            Assert.Equal(0, other.Projections[name].Calls);
        }
    }

    [Fact]
    public async Task StoppingTheInstanceThatRunsTheProjections_HandsThemToTheOther()
    {
        var (storeSchema, readSchema) = await CreateTablesAsync();
        await using var a = Start("instance-a", storeSchema, readSchema);
        await using var b = Start("instance-b", storeSchema, readSchema);
        await a.Daemon.StartAsync();
        await EventuallyAsync(() => a.Daemon.LeadingProjections.Count == Names.Length, "instance a runs every projection");
        await b.Daemon.StartAsync();
        await AppendItemsAsync(a.Store, "cart", 10);
        await b.Daemon.WaitForCatchUpAsync(Deadline);
        Assert.Empty(b.Daemon.LeadingProjections);
        Assert.All(await b.Daemon.GetStatusAsync(), s => Assert.Equal("instance-a", s.Owner));

        await a.Daemon.StopAsync();
        Assert.Empty(a.Daemon.LeadingProjections);
        await EventuallyAsync(() => b.Daemon.LeadingProjections.Count == Names.Length, "instance b runs every projection");
        await AppendItemsAsync(b.Store, "cart", 10);
        await b.Daemon.WaitForCatchUpAsync(Deadline);

        foreach (var name in Names)
        {
            var status = await b.Daemon.GetStatusAsync(name);
            Assert.Equal("instance-b", status.Owner);
            Assert.Equal(20, status.EventsApplied);
            Assert.Equal((20, 0), await AppliedAsync(database, b.Projections[name]));
            Assert.Equal(10, a.Projections[name].EventsSeen);
            Assert.Equal(10, b.Projections[name].EventsSeen);
        }
    }

    [Fact]
    public async Task WhenTheRunningInstanceIsCutOff_TheOtherTakesOver_WithoutApplyingAnEventTwice()
    {
        var (storeSchema, readSchema) = await CreateTablesAsync();
        await using var a = Start("instance-a", storeSchema, readSchema);
        await using var b = Start("instance-b", storeSchema, readSchema);
        await a.Daemon.StartAsync();
        await EventuallyAsync(() => a.Daemon.LeadingProjections.Count == Names.Length, "instance a runs every projection");
        await b.Daemon.StartAsync();
        await AppendItemsAsync(a.Store, "cart", 10);
        await a.Daemon.WaitForCatchUpAsync(Deadline);

        await a.DieAsync(database);
        await EventuallyAsync(async () => (await b.Daemon.GetStatusAsync()).All(s => s.Owner == "instance-b"), "instance b owns every projection");
        await AppendItemsAsync(b.Store, "cart", 10);
        await b.Daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal(Names.Length, b.Daemon.LeadingProjections.Count);
        await EventuallyAsync(() => a.Daemon.LeadingProjections.Count == 0, "the cut-off instance noticed it lost its locks");
        foreach (var name in Names)
        {
            Assert.Equal((20, 0), await AppliedAsync(database, b.Projections[name]));
            Assert.Equal(20, a.Projections[name].EventsSeen + b.Projections[name].EventsSeen);
        }
    }

    [Fact]
    public async Task GivenAStorePoolThatDoesNotReset_WhenTheDaemonLeads_ThenItsLocksAndListenLiveOnTheSessionPool_AndMoveOnWhenItStops()
    {
        var (storeSchema, readSchema) = await CreateTablesAsync();
        await using var sessionPool = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "session-pool" }.ConnectionString);
        var storePool = new NpgsqlConnectionStringBuilder(database.ConnectionString) { NoResetOnClose = true, ApplicationName = "store-pool" }.ConnectionString;
        await using var a = Start("instance-a", storeSchema, readSchema, storePool, sessionPool);
        await using var b = Start("instance-b", storeSchema, readSchema);
        await a.Daemon.StartAsync();
        await EventuallyAsync(() => a.Daemon.LeadingProjections.Count == Names.Length && a.Daemon.ListenerProcessId != 0, "instance a runs every projection and listens");
        await AppendItemsAsync(a.Store, "cart-a", 8);
        await a.Daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal("session-pool", await ApplicationOfAsync(a.Daemon.LockProcessId));
        Assert.Equal("session-pool", await ApplicationOfAsync(a.Daemon.ListenerProcessId));
        Assert.All(a.Projections.Values, p => Assert.True(p.Calls > 0, "every projection ran"));

        await a.Daemon.StopAsync();
        await b.Daemon.StartAsync();
        await EventuallyAsync(() => b.Daemon.LeadingProjections.Count == Names.Length, "instance b runs every projection once a has stopped");
    }

    private async Task<string?> ApplicationOfAsync(int processId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT application_name FROM pg_stat_activity WHERE pid = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = processId });
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task<(string StoreSchema, string ReadSchema)> CreateTablesAsync()
    {
        var readSchema = ReadSchema();
        foreach (var name in Names)
        {
            await new CountingProjection(name, readSchema).CreateTablesAsync(database.DataSource);
        }
        return (UniqueSchema(), readSchema);
    }

    private Instance Start(string id, string storeSchema, string readSchema, string? connectionString = null, NpgsqlDataSource? sessionDataSource = null)
    {
        var projections = Names.ToDictionary(n => n, n => new CountingProjection(n, readSchema));
        var registry = new ProjectionRegistry();
        foreach (var projection in projections.Values)
        {
            registry.Async(projection, new AsyncProjectionOptions { BatchSize = 4 });
        }
        var dataSource = NpgsqlDataSource.Create(connectionString ?? database.ConnectionString);
        var store = new PostgresEventStore(new EventStoreOptions { DataSource = dataSource, Schema = storeSchema, Types = Types(), AppendHooks = registry.AppendHooks });
        var options = Options(id) with { SessionDataSource = sessionDataSource };
        return new Instance { DataSource = dataSource, Store = store, Daemon = new ProjectionDaemon(store, registry, options), Projections = projections };
    }
}
