using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>
/// A crash at any point of a batch neither loses nor repeats an event: the rows and the checkpoint
/// commit together or not at all. (In the commit-order group: these tests hold a batch's
/// transaction open for a moment, which would only delay other tests' catch-up reads.)
/// </summary>
[Collection(CommitOrderGroup.Name)]
public sealed class DaemonCrashTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ConnectionKilledAfterTheRowsAreWritten_BeforeTheCommit_TheBatchIsRetried_EveryEventAppliedOnce()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var killed = 0;
        projection.AfterWrite = async (transaction, call, _) =>
        {
            if (call == 2)
            {
                killed = transaction.Connection!.ProcessID;
                await TerminateAsync(database, killed);
            }
        };
        var registry = new ProjectionRegistry().Async(projection, new AsyncProjectionOptions { BatchSize = 10 });
        await using var store = Store(database, UniqueSchema(), registry);
        await AppendItemsAsync(store, "cart", 35);
        await using var daemon = new ProjectionDaemon(store, registry, Options("crashing"));

        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.NotEqual(0, killed);
        Assert.Equal((35, 0), await AppliedAsync(database, projection));
        var status = await daemon.GetStatusAsync("items");
        Assert.Equal(35, status.EventsApplied);
        Assert.NotNull(status.LastError);
        Assert.Contains("Npgsql", status.LastError.ErrorType, StringComparison.Ordinal);
        Assert.Null(status.LastError.Event);
        var comparison = await daemon.CompareAsync("items");
        Assert.True(comparison.AreEqual, comparison.ToString());
    }

    [Fact]
    public async Task TransientErrorAfterTheRowsAreWritten_RollsThemBack_AndTheBatchIsRetried()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        projection.AfterWrite = (_, call, _) => call <= 2 ? throw new TimeoutException($"simulated timeout {call}") : Task.CompletedTask;
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await AppendItemsAsync(store, "cart", 12);
        await using var daemon = new ProjectionDaemon(store, registry, Options("retrying"));

        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal((12, 0), await AppliedAsync(database, projection));
        Assert.Equal(3, projection.Calls);
        var status = await daemon.GetStatusAsync("items");
        Assert.Equal(ProjectionState.Running, status.State);
        Assert.Equal(typeof(TimeoutException).FullName, status.LastError?.ErrorType);
        Assert.Equal("simulated timeout 2", status.LastError?.Message);
    }

    [Fact]
    public async Task DaemonDiesInTheMiddleOfABatch_AndAnotherStarts_TheResultEqualsACleanRebuild()
    {
        var schema = ReadSchema();
        var storeSchema = UniqueSchema();
        var dying = new CountingProjection("items", schema);
        await dying.CreateTablesAsync(database.DataSource);
        var midBatch = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        dying.AfterWrite = async (transaction, call, cancellationToken) =>
        {
            if (call == 2)
            {
                midBatch.TrySetResult(transaction.Connection!.ProcessID);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        };
        var firstRegistry = new ProjectionRegistry().Async(dying, new AsyncProjectionOptions { BatchSize = 10 });
        await using var firstStore = Store(database, storeSchema, firstRegistry);
        await AppendItemsAsync(firstStore, "cart", 30);
        var first = new ProjectionDaemon(firstStore, firstRegistry, Options("first"));
        await first.StartAsync();

        // The second batch's rows are written and its transaction is open: the process dies now,
        // taking its connections with it.
        var batchProcess = await midBatch.Task.WaitAsync(Deadline);
        await TerminateAsync(database, batchProcess);
        await TerminateAsync(database, first.LockProcessId);
        await first.DisposeAsync();
        Assert.Equal((10, 0), await AppliedAsync(database, dying));

        var restarted = new CountingProjection("items", schema);
        var secondRegistry = new ProjectionRegistry().Async(restarted, new AsyncProjectionOptions { BatchSize = 10 });
        await using var secondStore = Store(database, storeSchema, secondRegistry);
        await using var second = new ProjectionDaemon(secondStore, secondRegistry, Options("second"));
        await second.StartAsync();
        await second.WaitForCatchUpAsync(Deadline);

        Assert.Equal((30, 0), await AppliedAsync(database, restarted));
        Assert.Equal(20, restarted.EventsSeen);
        Assert.Equal(30, (await second.GetStatusAsync("items")).EventsApplied);
        var comparison = await second.CompareAsync("items");
        Assert.True(comparison.AreEqual, comparison.ToString());
        Assert.Equal(30, comparison.EventsReplayed);
        Assert.All(comparison.Tables, t => Assert.True(t.Live.Rows > 0));
    }
}
