using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

public sealed class AppendHookTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    /// <summary>An inline read model: one row per event, written in the append's transaction.</summary>
    private sealed class RowPerEvent(string table) : IAppendHook
    {
        public List<IReadOnlyList<RecordedEvent>> Calls { get; } = [];

        public List<long> EventsVisibleInTransaction { get; } = [];

        public async Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
        {
            Calls.Add(events);
            foreach (var e in events)
            {
                await using var insert = new NpgsqlCommand($"INSERT INTO {table} (position, stream_id, version) VALUES ($1, $2, $3)", transaction.Connection, transaction);
                insert.Parameters.Add(new NpgsqlParameter { Value = e.Position.Value });
                insert.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
                insert.Parameters.Add(new NpgsqlParameter { Value = e.Version.Value });
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            var schema = table[..table.IndexOf('.', StringComparison.Ordinal)];
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {schema}.events", transaction.Connection, transaction);
            EventsVisibleInTransaction.Add((long)(await count.ExecuteScalarAsync(cancellationToken))!);
        }
    }

    private sealed class Failing(string message) : IAppendHook
    {
        public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(message);
    }

    private sealed class Recording(List<string> log, string name) : IAppendHook
    {
        public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
        {
            log.Add(name);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Hook_RunsInTheAppendsTransaction_WithTheRecordedVersionsAndPositions()
    {
        var schema = UniqueSchema();
        var hook = new RowPerEvent($"{schema}.projected");
        await using var store = await StoreWithTableAsync(schema, hook);

        var result = await store.AppendAsync(
        [
            new StreamAppend("a", ExpectedVersion.NoStream, [Added("a1"), Added("a2")]),
            new StreamAppend("b", ExpectedVersion.NoStream, [Added("b1")]),
        ]);

        var call = Assert.Single(hook.Calls);
        Assert.Equal(result.SelectMany(r => r.Events).Select(e => e.Position), call.Select(e => e.Position));
        Assert.Equal([("a", 1L), ("a", 2L), ("b", 1L)], call.Select(e => (e.StreamId, e.Version.Value)));
        Assert.Equal([3L], hook.EventsVisibleInTransaction);
        Assert.Equal(
            call.Select(e => e.Position.Value).Sum(),
            await ScalarAsync(database, $"SELECT sum(position) FROM {schema}.projected"));
        Assert.IsType<ItemAdded>(call[0].Data);
    }

    [Fact]
    public async Task FailingHook_RollsTheAppendBack()
    {
        var schema = UniqueSchema();
        var projection = new RowPerEvent($"{schema}.projected");
        await using var store = await StoreWithTableAsync(schema, projection, new Failing("read model rejected the event"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]));

        Assert.Equal("read model rejected the event", error.Message);
        Assert.Single(projection.Calls);
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {schema}.events"));
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {schema}.streams"));
        Assert.Equal(0, await ScalarAsync(database, $"SELECT count(*) FROM {schema}.projected"));
        Assert.Null(await store.GetStreamAsync("s"));
    }

    [Fact]
    public async Task FailingHook_OnAnExistingStream_LeavesItsVersionAlone()
    {
        var schema = UniqueSchema();
        var failing = new FailOnSku("poison");
        await using var store = await StoreWithTableAsync(schema, failing);
        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("fine")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync("s", ExpectedVersion.Exactly(1), [Added("poison")]));
        var retried = await store.AppendAsync("s", ExpectedVersion.Exactly(1), [Added("fine again")]);

        Assert.Equal(new StreamVersion(2), retried.Version);
        Assert.True((await store.VerifyStreamAsync("s")).IsIntact);
    }

    [Fact]
    public async Task HooksRunInOrder_AlsoInsideACallersTransaction_AndRollBackWithIt()
    {
        var log = new List<string>();
        await using var store = Create(database, hooks: [new Recording(log, "first"), new Recording(log, "second")]);
        await store.InitializeAsync();
        await using var connection = await OpenAsync(database);
        await using var transaction = await connection.BeginTransactionAsync();

        await store.AppendAsync([new StreamAppend("s", ExpectedVersion.NoStream, [Added("a")])], transaction);
        Assert.Equal(["first", "second"], log);
        Assert.Null(await store.GetStreamAsync("s"));
        await transaction.RollbackAsync();

        Assert.Null(await store.GetStreamAsync("s"));
    }

    [Fact]
    public async Task Import_RunsTheHooksToo_WithTheImportedPositions()
    {
        var schema = UniqueSchema();
        var hook = new RowPerEvent($"{schema}.projected");
        await using var store = await StoreWithTableAsync(schema, hook);

        await store.ImportAsync([new StreamAppend("a", ExpectedVersion.NoStream, Many(20)), new StreamAppend("b", ExpectedVersion.NoStream, Many(5))]);

        var call = Assert.Single(hook.Calls);
        var stored = (await store.ReadStreamAsync("a")).Events.Concat((await store.ReadStreamAsync("b")).Events).ToList();
        Assert.Equal(stored.Select(e => (e.StreamId, e.Version, e.Position)), call.Select(e => (e.StreamId, e.Version, e.Position)));
        Assert.Equal(25, await ScalarAsync(database, $"SELECT count(*) FROM {schema}.projected"));
    }

    private sealed class FailOnSku(string sku) : IAppendHook
    {
        public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken) =>
            events.Any(e => e.Data is ItemAdded added && added.Sku == sku) ? throw new InvalidOperationException($"cannot project {sku}") : Task.CompletedTask;
    }

    private async Task<PostgresEventStore> StoreWithTableAsync(string schema, params IAppendHook[] hooks)
    {
        var store = Create(database, hooks: hooks, schema: schema);
        await store.InitializeAsync();
        await ExecuteAsync(database, $"CREATE TABLE {schema}.projected (position bigint PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL)");
        return store;
    }
}
