using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.EventStore;

/// <summary>Stores for tests: each in a schema of its own, so tests in one database stay apart.</summary>
internal static class TestStores
{
    public static EventTypeRegistry Types() => new EventTypeRegistry()
        .Register<ItemAdded>("item-added")
        .Register<ItemRemoved>("item-removed")
        .Register<NoteWritten>("note-written")
        .Register<PayloadRecorded>("payload-recorded")
        .Register<Marked>("marked");

    public static string UniqueSchema() => "es_" + Guid.NewGuid().ToString("N")[..24];

    public static PostgresEventStore Create(
        PostgresDatabase database,
        EventTypeRegistry? types = null,
        IReadOnlyList<IAppendHook>? hooks = null,
        string? schema = null) =>
        new(new EventStoreOptions
        {
            DataSource = database.DataSource,
            Schema = schema ?? UniqueSchema(),
            Types = types ?? Types(),
            AppendHooks = hooks ?? [],
        });

    public static EventData Added(string sku, int quantity = 1, EventMetadata? metadata = null) => new(new ItemAdded(sku, quantity), metadata);

    public static EventData[] Many(int count, string prefix = "sku") =>
        [.. Enumerable.Range(1, count).Select(i => Added($"{prefix}-{i}", i))];

    /// <summary>Reads the commit-ordered log from a checkpoint until caught up.</summary>
    public static async Task<List<RecordedEvent>> ReadEverythingAsync(PostgresEventStore store, Checkpoint? after = null)
    {
        var all = new List<RecordedEvent>();
        var checkpoint = after ?? Checkpoint.Start;
        while (true)
        {
            var page = await store.ReadAllAsync(checkpoint, new ReadAllOptions { MaxCount = 500 });
            all.AddRange(page.Events);
            checkpoint = page.Next;
            if (page.IsCaughtUp)
            {
                return all;
            }
        }
    }

    /// <summary>
    /// Reads the commit-ordered log until <paramref name="expected"/> events arrived. Transaction ids
    /// are cluster-wide, so another test's open transaction can delay delivery for a moment: wait for
    /// it, with a deadline.
    /// </summary>
    public static async Task<List<RecordedEvent>> ReadEventuallyAsync(PostgresEventStore store, int expected)
    {
        var all = new List<RecordedEvent>();
        var checkpoint = Checkpoint.Start;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await store.ReadAllAsync(checkpoint, new ReadAllOptions { MaxCount = 500 });
            all.AddRange(page.Events);
            checkpoint = page.Next;
            if (page.IsCaughtUp && (all.Count >= expected || DateTime.UtcNow > deadline))
            {
                return all;
            }
            if (page.IsCaughtUp)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>A catch-up read with options, repeated until it delivers <paramref name="expected"/> events (or a deadline passes).</summary>
    public static async Task<List<RecordedEvent>> ReadAllEventuallyAsync(PostgresEventStore store, ReadAllOptions options, int expected)
    {
        var all = new List<RecordedEvent>();
        var checkpoint = Checkpoint.Start;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await store.ReadAllAsync(checkpoint, options);
            all.AddRange(page.Events);
            checkpoint = page.Next;
            if (page.IsCaughtUp && (all.Count >= expected || DateTime.UtcNow > deadline))
            {
                return all;
            }
            if (page.IsCaughtUp)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Repeats a catch-up read until it throws <typeparamref name="T"/>, or fails at a deadline.</summary>
    public static async Task<T> ReadAllThrowsEventuallyAsync<T>(PostgresEventStore store)
        where T : Exception
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await store.ReadAllAsync(Checkpoint.Start);
            }
            catch (T expected)
            {
                return expected;
            }
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"The catch-up read did not throw {typeof(T).Name} within 30 seconds.");
    }

    public static async Task<long> ScalarAsync(PostgresDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(PostgresDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<NpgsqlConnection> OpenAsync(PostgresDatabase database) => await database.DataSource.OpenConnectionAsync();
}
