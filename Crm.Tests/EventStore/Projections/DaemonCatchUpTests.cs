using Crm.EventStore;
using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>The daemon applies every event once, in batches, and wakes on appends without polling.</summary>
public sealed class DaemonCatchUpTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task AppendedEvents_AreAppliedExactlyOnce_InBatches_AndTheStatusShowsItCaughtUp()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection, new AsyncProjectionOptions { BatchSize = 7 });
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("solo"));
        await AppendItemsAsync(store, "cart-1", 20);
        await store.AppendAsync("notes", ExpectedVersion.NoStream, [new EventData(new NoteWritten("not an item"))]);

        await daemon.StartAsync();
        await AppendItemsAsync(store, "cart-2", 15, prefix: "other");
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal((35, 0), await AppliedAsync(database, projection));
        Assert.Equal(1 + 4 + 7 + 10 + 13 + 16 + 19, await ScalarAsync(database, $"SELECT quantity FROM {projection.Totals.QualifiedName} WHERE sku = 'sku-0'"));
        Assert.True(projection.Calls >= 5, $"35 events in batches of at most 7 need at least 5 calls, saw {projection.Calls}");
        var status = await daemon.GetStatusAsync("items");
        Assert.Equal(ProjectionState.Running, status.State);
        Assert.Equal(ProjectionKind.Async, status.Kind);
        Assert.Equal("solo", status.Owner);
        Assert.Equal(35, status.EventsApplied);
        Assert.Equal(0, status.LagEvents);
        Assert.Equal(TimeSpan.Zero, status.Lag);
        Assert.Null(status.LastError);
        Assert.Equal(["items"], daemon.LeadingProjections);
    }

    [Fact]
    public async Task Append_WakesTheDaemonThroughNotify_WhenPollingAloneWouldTakeTenMinutes()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("notified", poll: TimeSpan.FromMinutes(10)));
        await daemon.StartAsync();
        await EventuallyAsync(() => daemon.LeadingProjections.Count == 1 && daemon.ListenerProcessId != 0, "the daemon runs the projection and listens");
        await EventuallyAsync(async () => (await daemon.GetStatusAsync("items")).State == ProjectionState.Running, "the projection runs");

        for (var round = 1; round <= 3; round++)
        {
            await AppendItemsAsync(store, "cart", 2);
            await daemon.WaitForCatchUpAsync(Deadline);
            Assert.Equal((2L * round, 0L), await AppliedAsync(database, projection));
        }
    }

    [Fact]
    public async Task LostNotificationConnection_IsReopened_AndEventsAppendedMeanwhileAreApplied()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("reconnecting", poll: TimeSpan.FromMinutes(10)));
        await daemon.StartAsync();
        await EventuallyAsync(() => daemon.LeadingProjections.Count == 1 && daemon.ListenerProcessId != 0, "the daemon runs the projection and listens");
        var first = daemon.ListenerProcessId;

        await TerminateAsync(database, first);
        await AppendItemsAsync(store, "cart", 4);
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal((4, 0), await AppliedAsync(database, projection));
        await EventuallyAsync(() => daemon.ListenerProcessId != 0 && daemon.ListenerProcessId != first, "the daemon listens on a new connection");
        await AppendItemsAsync(store, "cart", 1);
        await daemon.WaitForCatchUpAsync(Deadline);
        Assert.Equal((5, 0), await AppliedAsync(database, projection));
    }

    [Fact]
    public async Task FilteredProjection_MovesItsCheckpointPastEventsItDoesNotWant()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("filtered"));
        await daemon.StartAsync();
        await store.AppendAsync("notes", ExpectedVersion.NoStream, [new EventData(new NoteWritten("a")), new EventData(new NoteWritten("b"))]);

        await daemon.WaitForCatchUpAsync(Deadline);

        var status = await daemon.GetStatusAsync("items");
        Assert.Equal((0, 0), await AppliedAsync(database, projection));
        Assert.Equal(0, projection.Calls);
        Assert.Equal(0, status.LagEvents);
        Assert.True(status.Checkpoint > Checkpoint.Start);
    }

    [Fact]
    public async Task InlineProjection_IsWrittenInTheAppendsTransaction_AndAFailureRollsTheAppendBack()
    {
        var projection = new CountingProjection("inline-items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Inline(projection);
        await using var store = Store(database, UniqueSchema(), registry);

        await AppendItemsAsync(store, "cart", 3);
        await store.AppendAsync("notes", ExpectedVersion.NoStream, [new EventData(new NoteWritten("ignored"))]);
        Assert.Equal((3, 0), await AppliedAsync(database, projection));
        Assert.Equal(3, projection.Calls);

        projection.IsPoison = sku => sku == "bad";
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync("cart", ExpectedVersion.Exactly(3), [Added("bad")]));
        Assert.Equal((3, 0), await AppliedAsync(database, projection));
        Assert.Equal(3, (await store.GetStreamAsync("cart"))!.Version.Value);

        await using var daemon = new ProjectionDaemon(store, registry, Options("inline"));
        var status = await daemon.GetStatusAsync("inline-items");
        Assert.Equal(ProjectionKind.Inline, status.Kind);
        Assert.Equal(ProjectionState.Running, status.State);
        Assert.Null(status.Checkpoint);
        Assert.Empty(daemon.LeadingProjections);
    }
}
