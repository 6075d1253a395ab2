using Crm.EventStore;
using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>Blue/green rebuilds while the live tables keep serving and writes go on; comparisons that prove or disprove "equal to a replay".</summary>
public sealed class RebuildTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    /// <summary>Records progress synchronously and can hold the rebuild at its first replayed batch.</summary>
    private sealed class Gate : IProgress<RebuildProgress>, IDisposable
    {
        private readonly ManualResetEventSlim _open = new(false);
        private readonly List<RebuildProgress> _reports = [];

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<RebuildProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Open() => _open.Set();

        public void Report(RebuildProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
            if (value.Phase == RebuildPhase.Replaying && Held.TrySetResult())
            {
                Assert.True(_open.Wait(Deadline), "the test never let the rebuild go on");
            }
        }

        public void Dispose() => _open.Dispose();
    }

    [Fact]
    public async Task AsyncRebuild_WhileWritesContinue_SwapsInTablesEqualToLive()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection, new AsyncProjectionOptions { BatchSize = 20 });
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("rebuilder") with { RebuildBatchSize = 25 });
        await AppendItemsAsync(store, "cart-1", 120);
        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);
        var indexes = await IndexNamesAsync(database, projection.Totals);
        var oid = await OidAsync(projection.Applied);
        using var gate = new Gate();

        var rebuild = daemon.RebuildAsync("items", gate);
        await gate.Held.Task.WaitAsync(Deadline);
        var during = await daemon.GetStatusAsync("items");
        var refused = await Assert.ThrowsAsync<ProjectionException>(() => daemon.RebuildAsync("items"));
        await AppendItemsAsync(store, "cart-2", 30);
        gate.Open();
        var writer = Task.Run(async () =>
        {
            var appended = 0;
            while (!rebuild.IsCompleted || appended < 10)
            {
                await AppendItemsAsync(store, "cart-3", 1);
                appended++;
            }
            return appended;
        });
        var result = await rebuild.WaitAsync(Deadline);
        var written = 150 + await writer.WaitAsync(Deadline);
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal(ProjectionState.Rebuilding, during.State);
        Assert.Equal("rebuilder", during.Rebuild?.Owner);
        Assert.Equal(120, during.Rebuild?.EventsTotal);
        Assert.Contains("already running", refused.Message, StringComparison.Ordinal);
        Assert.NotEqual(oid, await OidAsync(projection.Applied));
        Assert.Equal(indexes, await IndexNamesAsync(database, projection.Totals));
        Assert.Equal((written, 0L), await AppliedAsync(database, projection));
        var status = await daemon.GetStatusAsync("items");
        Assert.Equal(written, status.EventsApplied);
        Assert.Equal(ProjectionState.Running, status.State);
        Assert.Null(status.Rebuild);
        var comparison = await daemon.CompareAsync("items");
        Assert.True(comparison.AreEqual, comparison.ToString());
        Assert.Equal(written, comparison.EventsReplayed);
        Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'"));

        var reports = gate.Reports;
        Assert.Equal(RebuildPhase.Preparing, reports[0].Phase);
        Assert.Equal(RebuildPhase.Done, reports[^1].Phase);
        Assert.Contains(reports, r => r.Phase == RebuildPhase.Swapping);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.EventsDone <= p.Second.EventsDone), "events done never go back");
        Assert.True(reports.All(r => r.EventsDone <= r.EventsTotal));
        Assert.Equal(result.EventsApplied, reports[^1].EventsDone);
        Assert.Contains(reports, r => r.Phase == RebuildPhase.Replaying && r.EventsPerSecond > 0 && r.EstimatedTimeLeft is not null);
        // Events the swap's checkpoint had not reached yet (an open transaction elsewhere can hold
        // them back) are applied to the new tables by the running daemon afterwards.
        Assert.InRange(result.EventsApplied, 120, written);
        Assert.Empty(result.DeadLetters);
    }

    [Fact]
    public async Task RebuildOfSeveral_TwoAtATime_SwapsEachIn_AndAnUnknownNameRebuildsNothing()
    {
        var readSchema = ReadSchema();
        var first = new CountingProjection("first", readSchema);
        var second = new CountingProjection("second", readSchema);
        var third = new CountingProjection("third", readSchema);
        foreach (var p in new[] { first, second, third })
        {
            await p.CreateTablesAsync(database.DataSource);
        }
        var registry = new ProjectionRegistry().Async(first).Async(second).Async(third);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("several"));
        await AppendItemsAsync(store, "cart", 30);
        var before = await OidAsync(first.Applied);

        await Assert.ThrowsAsync<ArgumentException>(() => daemon.RebuildAsync(["first", "fourth"], 2));
        Assert.Equal(before, await OidAsync(first.Applied));

        var results = await daemon.RebuildAsync(["third", "first", "second"], 2);

        Assert.Equal(["third", "first", "second"], results.Select(r => r.Projection));
        Assert.All(results, r => Assert.Equal(30, r.EventsApplied));
        Assert.NotEqual(before, await OidAsync(first.Applied));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => daemon.RebuildAsync(["first"], 0));
    }

    [Fact]
    public async Task Compare_ReportsTheFirstDifference_WhenRowsAreAlteredByHand_AndARebuildRepairsThem()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("comparer"));
        var first = (await store.AppendAsync("cart", ExpectedVersion.NoStream, [Added("sku-a", 2), Added("sku-b", 3), Added("sku-a", 4)])).Events[0];
        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);
        Assert.True((await daemon.CompareAsync("items")).AreEqual);

        await ExecuteAsync(database, $"UPDATE {projection.Totals.QualifiedName} SET quantity = 60 WHERE sku = 'sku-a'");
        await ExecuteAsync(database, $"DELETE FROM {projection.Applied.QualifiedName} WHERE event_id = '{first.EventId}'");
        var comparison = await daemon.CompareAsync("items");

        Assert.False(comparison.AreEqual);
        var applied = comparison.Tables.Single(t => t.Table == projection.Applied);
        Assert.Equal(2, applied.Live.Rows);
        Assert.Equal(3, applied.Rebuilt.Rows);
        Assert.Equal($"event_id={first.EventId}", applied.FirstDifference?.Key);
        Assert.Null(applied.FirstDifference?.Live);
        Assert.Equal($"({first.EventId},cart,1,sku-a,2,1)", applied.FirstDifference?.Rebuilt);
        var totals = comparison.Tables.Single(t => t.Table == projection.Totals);
        Assert.Equal(totals.Live.Rows, totals.Rebuilt.Rows);
        Assert.NotEqual(totals.Live.Checksum, totals.Rebuilt.Checksum);
        Assert.Equal(new RowDifference("sku=sku-a", "(sku-a,60,2)", "(sku-a,6,2)"), totals.FirstDifference);
        Assert.Contains("first difference at sku=sku-a: live (sku-a,60,2), rebuilt (sku-a,6,2)", comparison.ToString(), StringComparison.Ordinal);

        var rebuilt = await daemon.RebuildAsync("items");
        Assert.Equal(3, rebuilt.EventsApplied);
        var after = await daemon.CompareAsync("items");
        Assert.True(after.AreEqual, after.ToString());
        Assert.Equal(6, await ScalarAsync(database, $"SELECT quantity FROM {projection.Totals.QualifiedName} WHERE sku = 'sku-a'"));
    }

    [Fact]
    public async Task CompareOfALaggingAsyncProjection_ComparesAtItsCheckpoint()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("lagging"));
        await AppendItemsAsync(store, "cart", 8);
        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);
        await daemon.StopAsync();
        await AppendItemsAsync(store, "cart", 5);

        var comparison = await daemon.CompareAsync("items");

        Assert.True(comparison.AreEqual, comparison.ToString());
        Assert.Equal(8, comparison.EventsReplayed);
        Assert.Equal((await daemon.GetStatusAsync("items")).Checkpoint, comparison.Checkpoint);
        Assert.Equal(5, (await daemon.GetStatusAsync("items")).LagEvents);
    }

    [Fact]
    public async Task InlineRebuild_WhileAppendsContinue_SwapsInTablesEqualToLive()
    {
        var projection = new CountingProjection("inline-items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Inline(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("inline") with { RebuildBatchSize = 10 });
        await AppendItemsAsync(store, "cart-1", 60);
        var oid = await OidAsync(projection.Totals);
        using var gate = new Gate();

        var rebuild = daemon.RebuildAsync("inline-items", gate);
        await gate.Held.Task.WaitAsync(Deadline);
        Assert.Equal(ProjectionState.Rebuilding, (await daemon.GetStatusAsync("inline-items")).State);
        await AppendItemsAsync(store, "cart-2", 20);
        gate.Open();
        var writer = Task.Run(async () =>
        {
            var appended = 0;
            while (!rebuild.IsCompleted || appended < 10)
            {
                await AppendItemsAsync(store, "cart-3", 1);
                appended++;
            }
            return appended;
        });
        await rebuild.WaitAsync(Deadline);
        var written = 80 + await writer.WaitAsync(Deadline);

        Assert.NotEqual(oid, await OidAsync(projection.Totals));
        Assert.Equal((written, 0L), await AppliedAsync(database, projection));
        var comparison = await daemon.CompareAsync("inline-items");
        Assert.True(comparison.AreEqual, comparison.ToString());
        Assert.Equal(written, comparison.EventsReplayed);
        Assert.Equal(ProjectionState.Running, (await daemon.GetStatusAsync("inline-items")).State);
    }

    [Fact]
    public async Task RebuildThatMeetsAPoisonEvent_StopsThere_AndLeavesTheLiveTablesAsTheyWere()
    {
        var projection = new CountingProjection("items", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("poisoned"));
        await AppendItemsAsync(store, "cart", 6);
        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);
        var oid = await OidAsync(projection.Applied);
        projection.IsPoison = sku => sku == "sku-2";

        var error = await Assert.ThrowsAsync<ProjectionException>(() => daemon.RebuildAsync("items"));

        Assert.Equal(3, error.Event?.Version);
        Assert.Contains("live tables are unchanged", error.Message, StringComparison.Ordinal);
        Assert.Equal(oid, await OidAsync(projection.Applied));
        Assert.Equal((6, 0), await AppliedAsync(database, projection));
        Assert.Equal(0, await ScalarAsync(database, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'"));
        Assert.Null((await daemon.GetStatusAsync("items")).Rebuild);
    }

    [Fact]
    public async Task RebuildWithSkipPolicy_ReplacesTheDeadLettersWithThoseOfTheReplay()
    {
        var projection = new CountingProjection("items", ReadSchema()) { IsPoison = sku => sku == "sku-1" };
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection, new AsyncProjectionOptions { OnPoisonEvent = PoisonEventPolicy.SkipToDeadLetter });
        await using var store = Store(database, UniqueSchema(), registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("skipping"));
        await AppendItemsAsync(store, "cart", 6);
        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);
        Assert.Equal(2, (await daemon.GetDeadLettersAsync("items")).Count);

        projection.IsPoison = sku => sku == "sku-2";
        var result = await daemon.RebuildAsync("items");

        Assert.Equal([3L, 6L], result.DeadLetters.Select(d => d.Event.Version));
        Assert.Equal([3L, 6L], (await daemon.GetDeadLettersAsync("items")).Select(d => d.Event.Version));
        Assert.Equal(4, result.EventsApplied);
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {projection.Applied.QualifiedName} WHERE sku = 'sku-2'"));
        Assert.Equal(2, await ScalarAsync(database, $"SELECT count(*) FROM {projection.Applied.QualifiedName} WHERE sku = 'sku-1'"));
    }

    private async Task<long> OidAsync(ProjectionTable table) =>
        await ScalarAsync(database, $"SELECT '{table.QualifiedName.Replace("'", "''", StringComparison.Ordinal)}'::regclass::oid::bigint");
}
