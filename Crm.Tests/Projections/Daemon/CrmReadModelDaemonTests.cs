using Crm.EventStore;
using Crm.EventStore.Projections;
using Crm.Projections;
using Crm.Projections.Daemon;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.Projections.ProjectionKit;

namespace Crm.Tests.Projections.Daemon;

/// <summary>
/// The CRM read models on the projection engine: the inline ones in the append's transaction, the
/// trends and agent performance run by the daemon; rebuilds and comparisons of all of them.
/// </summary>
public sealed class CrmReadModelDaemonTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly string[] AsyncTables = ["trend_daily", "trend_refund_daily", "trend_case", "agent_daily", "agent_case"];

    [Fact]
    public async Task ScriptedHistory_ThroughTheStoreAndTheDaemon_GivesTheRowsOfADirectProjection()
    {
        var schema = ReadModelSchema.Named(ReadSchema());
        await new ReadModelMigrator(database.DataSource, schema).MigrateAsync();
        var registry = new ProjectionRegistry().AddCrmReadModels(schema, new AsyncProjectionOptions { BatchSize = 4 });
        await using var store = CrmEventStore.Create(database, "es_" + Guid.NewGuid().ToString("N")[..20], registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("crm"));
        await daemon.StartAsync();

        await CrmEventStore.AppendAsync(store, CustomerHistory.Write().Events);
        await daemon.WaitForCatchUpAsync(Deadline);

        var direct = await ReadModelStore.CreateAsync(database);
        await direct.ProjectAsync(await CrmEventStore.ReadBackAsync(store));
        var expected = await direct.ChecksumsAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var table in direct.Tables)
        {
            var actual = await TableChecksums.ComputeAsync(connection, schema.Name, table);
            Assert.True(expected[table].Rows > 0, $"{table} is empty");
            Assert.Equal((expected[table].Rows, expected[table].Md5), (actual.Rows, actual.Md5));
        }
        var statuses = await daemon.GetStatusAsync();
        Assert.Equal(CrmReadModels.InlineProjectionNames.Concat(CrmReadModels.AsyncProjectionNames).Order(), statuses.Select(s => s.Name).Order());
        Assert.All(statuses, s => Assert.Equal(ProjectionState.Running, s.State));
        Assert.All(statuses.Where(s => s.Kind == ProjectionKind.Async), s => Assert.Equal(22, s.EventsApplied));
    }

    [Fact]
    public async Task EveryCrmReadModel_RebuildsBlueGreen_KeepsItsIndexes_AndComparesEqual()
    {
        var schema = ReadModelSchema.Named(ReadSchema());
        await new ReadModelMigrator(database.DataSource, schema).MigrateAsync();
        var registry = new ProjectionRegistry().AddCrmReadModels(schema);
        await using var store = CrmEventStore.Create(database, "es_" + Guid.NewGuid().ToString("N")[..20], registry);
        await using var daemon = new ProjectionDaemon(store, registry, Options("crm") with { RebuildBatchSize = 5 });
        await daemon.StartAsync();
        await CrmEventStore.AppendAsync(store, CustomerHistory.Write().Events);
        await daemon.WaitForCatchUpAsync(Deadline);
        var indexes = await IndexesAsync(schema);

        foreach (var name in registry.Names)
        {
            var result = await daemon.RebuildAsync(name);
            Assert.Equal(name, result.Projection);
            Assert.Empty(result.DeadLetters);
        }
        await daemon.WaitForCatchUpAsync(Deadline);

        Assert.Equal(indexes, await IndexesAsync(schema));
        foreach (var name in registry.Names)
        {
            var comparison = await daemon.CompareAsync(name);
            Assert.True(comparison.AreEqual, comparison.ToString());
            Assert.All(comparison.Tables, t => Assert.True(t.Live.Rows > 0, $"{t.Table} is empty"));
        }
        Assert.Equal(22, (await daemon.GetStatusAsync("crm.trend_daily")).EventsApplied);
    }

    [Fact]
    public async Task TrendsDaemonKilledInTheMiddleOfABatch_AndRestarted_EqualsACleanRebuild()
    {
        var schema = ReadModelSchema.Named(ReadSchema());
        await new ReadModelMigrator(database.DataSource, schema).MigrateAsync();
        var storeSchema = "es_" + Guid.NewGuid().ToString("N")[..20];
        var killed = 0;
        var dyingRegistry = new ProjectionRegistry().AddCrmReadModels(schema, new AsyncProjectionOptions { BatchSize = 5 });
        await using (var store = CrmEventStore.Create(database, storeSchema, dyingRegistry))
        {
            // The daemon sees the trend read model through a wrapper that cuts its connection once,
            // after the rows of the third batch are written and before the commit.
            var wrapped = new ProjectionRegistry().Async(new CuttingProjection(Adapter(dyingRegistry, "crm.trend_daily"), database, cutAtCall: 3), new AsyncProjectionOptions { BatchSize = 5 });
            await CrmEventStore.AppendAsync(store, CustomerHistory.Write().Events);
            await using var dying = new ProjectionDaemon(store, wrapped, Options("dying"));
            await dying.StartAsync();
            await dying.WaitForCatchUpAsync(Deadline);
            killed = ((CuttingProjection)wrapped.Snapshot()[0].Projection).Cut;
        }
        Assert.NotEqual(0, killed);

        var registry = new ProjectionRegistry().AddCrmReadModels(schema);
        await using var restartedStore = CrmEventStore.Create(database, storeSchema, registry);
        await using var daemon = new ProjectionDaemon(restartedStore, registry, Options("restarted"));
        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);

        var comparison = await daemon.CompareAsync("crm.trend_daily");
        Assert.True(comparison.AreEqual, comparison.ToString());
        Assert.Equal(22, (await daemon.GetStatusAsync("crm.trend_daily")).EventsApplied);
        var direct = await ReadModelStore.CreateAsync(database);
        await direct.ProjectAsync(await CrmEventStore.ReadBackAsync(restartedStore));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var table in AsyncTables)
        {
            Assert.Null(await TableChecksums.FirstDifferenceAsync(connection, direct.Schema.Name, schema.Name, table));
        }
    }

    private static IProjection Adapter(ProjectionRegistry registry, string name) =>
        registry.Snapshot().Single(p => p.Name == name).Projection;

    /// <summary>Passes batches to the read model and, at one call, ends its own connection after the rows are written.</summary>
    private sealed class CuttingProjection(IProjection inner, PostgresDatabase database, int cutAtCall) : IProjection
    {
        private int _calls;

        public int Cut { get; private set; }

        public string Name => inner.Name;

        public IReadOnlyCollection<Type>? EventTypes => inner.EventTypes;

        public IReadOnlyList<ProjectionTable> Tables => inner.Tables;

        public async Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, TableMap tables, CancellationToken cancellationToken)
        {
            await inner.ApplyAsync(transaction, events, tables, cancellationToken);
            if (Interlocked.Increment(ref _calls) == cutAtCall)
            {
                Cut = transaction.Connection!.ProcessID;
                await TerminateAsync(database, Cut);
            }
        }
    }

    private async Task<List<string>> IndexesAsync(ReadModelSchema schema)
    {
        await using var command = database.DataSource.CreateCommand("SELECT tablename || '.' || indexname || ' ' || regexp_replace(indexdef, '^.*? USING ', '') FROM pg_indexes WHERE schemaname = $1 ORDER BY 1");
        command.Parameters.Add(new NpgsqlParameter { Value = schema.Name });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
