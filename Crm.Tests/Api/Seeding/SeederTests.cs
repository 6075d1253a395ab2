using Crm.Api.Application;
using Crm.Api.Cli;
using Crm.Api.Seeding;
using Crm.Tests.Api.Cli;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Api.Seeding;

/// <summary>Two databases seeded from the same options, one with four customers simulated at once, the other with one.</summary>
public sealed class TwinSeededStores : IAsyncLifetime
{
    public const int Customers = 20;

    public string First { get; private set; } = "";

    public string Second { get; private set; } = "";

    internal SeedReport? FirstReport { get; private set; }

    internal SeedReport? SecondReport { get; private set; }

    public async Task InitializeAsync()
    {
        First = await TestPostgres.CreateDatabaseAsync();
        Second = await TestPostgres.CreateDatabaseAsync();
        FirstReport = await SeederTests.SeedAsync(First, CliTestKit.Options(Customers, 60, parallelism: 4));
        SecondReport = await SeederTests.SeedAsync(Second, CliTestKit.Options(Customers, 60, parallelism: 1));
    }

    public async Task DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(First);
        await TestPostgres.DropDatabaseAsync(Second);
    }
}

public sealed class SeederTests(TwinSeededStores stores) : IClassFixture<TwinSeededStores>
{
    [Fact]
    public async Task SameSeed_IntoTwoDatabases_GivesTheSameEventsInEveryStream()
    {
        var first = await EventsAsync(stores.First);
        var second = await EventsAsync(stores.Second);

        Assert.NotEmpty(first);
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i], second[i]);
        }
        Assert.Equal(TwinSeededStores.Customers, first.Where(e => e.Type == "customer.registered").Select(e => e.Stream).Distinct().Count());
        Assert.Contains(first, e => e.Stream.StartsWith(CrmStreams.QueuePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Seeding_IsRefusedNothing()
    {
        Assert.Equal(0, stores.FirstReport!.Refused);
        Assert.Empty(stores.FirstReport.Refusals);
        Assert.Equal(0, stores.SecondReport!.Refused);
        Assert.True(stores.FirstReport.Commands > TwinSeededStores.Customers * 5, $"only {stores.FirstReport.Commands} commands");
    }

    [Fact]
    public async Task Report_CountsTheEventsTheStoreHolds_ByType()
    {
        var stored = await CountsByTypeAsync(stores.First);

        foreach (var (type, count) in stores.FirstReport!.EventsByType)
        {
            Assert.True(stored.GetValueOrDefault(type) == count, $"{type}: the report says {count}, the store holds {stored.GetValueOrDefault(type)}");
        }
        Assert.Equal(stored.Values.Sum(), stores.FirstReport.Events);
    }

    [Fact]
    public async Task EveryStream_IsInTimeOrder_AndWithinThePeriod()
    {
        var options = CliTestKit.Options(TwinSeededStores.Customers, 60);

        var backwards = await CliTestKit.ScalarAsync(
            stores.First,
            "SELECT count(*) FROM (SELECT occurred_at < lag(occurred_at) OVER (PARTITION BY stream_id ORDER BY version) AS back FROM event_store.events) e WHERE back");
        var before = await CliTestKit.ScalarAsync(stores.First, $"SELECT count(*) FROM event_store.events WHERE occurred_at < '{options.Start:O}'");
        var after = await CliTestKit.ScalarAsync(stores.First, $"SELECT count(*) FROM event_store.events WHERE occurred_at >= '{options.End.AddDays(1):O}'");

        Assert.Equal(0, backwards);
        Assert.Equal(0, before);
        Assert.Equal(0, after);
    }

    [Fact]
    public async Task AnotherSeed_GivesOtherCustomers()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await SeedAsync(database, CliTestKit.Options(3, 10, seed: 43));

            var mine = await CustomerStreamsAsync(database);
            var theirs = await CustomerStreamsAsync(stores.First);
            Assert.Equal(3, mine.Count);
            Assert.Empty(mine.Intersect(theirs));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    internal static async Task<SeedReport> SeedAsync(string connectionString, SeedOptions options)
    {
        await using var storage = CliStorage.Open(CliTestKit.Configuration(connectionString), _ => { });
        await storage.Storage.InitializeAsync();
        return await new Seeder(options, storage.Store, storage.Policies).RunAsync(null, CancellationToken.None);
    }

    internal static async Task<Dictionary<string, long>> CountsByTypeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type_name, count(*) FROM event_store.events GROUP BY type_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>Every event's stream, version, type and data; the recording time (the database's clock) is left out.</summary>
    internal static async Task<List<(string Stream, long Version, string Type, string Data)>> EventsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT stream_id, version, type_name, data::text FROM event_store.events ORDER BY stream_id COLLATE \"C\", version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, long, string, string)>();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }
        return events;
    }

    private static async Task<List<string>> CustomerStreamsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT stream_id FROM event_store.events WHERE type_name = 'customer.registered'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var streams = new List<string>();
        while (await reader.ReadAsync())
        {
            streams.Add(reader.GetString(0));
        }
        return streams;
    }
}
