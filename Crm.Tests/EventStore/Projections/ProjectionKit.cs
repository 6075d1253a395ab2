using System.Globalization;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.EventStore.Projections;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore.Projections;

/// <summary>Stores, daemons and checks for the projection engine's tests; every store and read model in a schema of its own.</summary>
internal static class ProjectionKit
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Options for tests: quick leadership rounds and retries, a poll long enough that only notifications can explain a prompt catch-up.</summary>
    public static ProjectionDaemonOptions Options(string instance, TimeSpan? poll = null) => new()
    {
        Diagnostics = d => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] {instance} {d.Level} {d.Projection}: {d.Message}"),
        InstanceId = instance,
        PollInterval = poll ?? TimeSpan.FromSeconds(5),
        LeadershipInterval = TimeSpan.FromMilliseconds(200),
        RetryInitialDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    public static string ReadSchema() => "rm_" + Guid.NewGuid().ToString("N")[..20];

    public static PostgresEventStore Store(PostgresDatabase database, string schema, ProjectionRegistry? registry = null) =>
        Create(database, hooks: registry?.AppendHooks, schema: schema);

    /// <summary>Appends <paramref name="count"/> item-added events to <paramref name="stream"/>, one append each, skus cycling through <paramref name="skus"/>.</summary>
    public static async Task AppendItemsAsync(PostgresEventStore store, string stream, int count, int skus = 3, string prefix = "sku")
    {
        var version = (await store.GetStreamAsync(stream))?.Version.Value ?? 0;
        for (var i = 0; i < count; i++)
        {
            var sku = $"{prefix}-{i % skus}";
            await store.AppendAsync(stream, ExpectedVersion.Exactly(version), [Added(sku, i + 1)]);
            version++;
        }
    }

    /// <summary>Rows of the applied table and how many of them were applied other than exactly once.</summary>
    public static async Task<(long Rows, long NotOnce)> AppliedAsync(PostgresDatabase database, CountingProjection projection) =>
        (await ScalarAsync(database, $"SELECT count(*) FROM {projection.Applied.QualifiedName}"),
         await ScalarAsync(database, $"SELECT count(*) FROM {projection.Applied.QualifiedName} WHERE times <> 1"));

    public static Task<long> EventsOfTypeAsync(PostgresDatabase database, string storeSchema, string typeName) =>
        ScalarAsync(database, $"SELECT count(*) FROM \"{storeSchema}\".events WHERE type_name = '{typeName}'");

    /// <summary>Polls <paramref name="condition"/> until it holds, failing with <paramref name="what"/> at the deadline.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Deadline);
        var delay = TimeSpan.FromMilliseconds(5);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
            }
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        EventuallyAsync(() => Task.FromResult(condition()), what, within);

    /// <summary>Ends a server process (a connection) the way a crash or a network cut would.</summary>
    public static async Task TerminateAsync(PostgresDatabase database, int processId)
    {
        Assert.NotEqual(0, processId);
        await using var command = database.DataSource.CreateCommand(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_terminate_backend({processId})"));
        Assert.True((bool)(await command.ExecuteScalarAsync())!, $"process {processId} was not running");
    }

    public static async Task<List<string>> IndexNamesAsync(PostgresDatabase database, ProjectionTable table)
    {
        await using var command = database.DataSource.CreateCommand("SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname");
        command.Parameters.Add(new NpgsqlParameter { Value = table.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table.Name });
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
