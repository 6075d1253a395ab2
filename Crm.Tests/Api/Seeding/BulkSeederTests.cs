using Crm.Api.Cli;
using Crm.Api.Seeding;
using Crm.Tests.Api.Cli;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.Seeding;

/// <summary>Two databases seeded from the same options: one command at a time, and in bulk through the in-memory store in small imports.</summary>
public sealed class BulkAndNormalSeededStores : IAsyncLifetime
{
    public const int Customers = 20;

    // Small imports, so that streams continue across several of them.
    public const int ImportSize = 40;

    public string Normal { get; private set; } = "";

    public string Bulk { get; private set; } = "";

    internal SeedReport? NormalReport { get; private set; }

    internal SeedReport? BulkReport { get; private set; }

    public async Task InitializeAsync()
    {
        Normal = await TestPostgres.CreateDatabaseAsync();
        Bulk = await TestPostgres.CreateDatabaseAsync();
        NormalReport = await SeederTests.SeedAsync(Normal, CliTestKit.Options(Customers, 60));
        await using var storage = CliStorage.Open(CliTestKit.Configuration(Bulk), _ => { });
        await storage.Storage.InitializeAsync();
        BulkReport = await new Seeder(CliTestKit.Options(Customers, 60), storage.Store, storage.Policies).RunBulkAsync(null, CancellationToken.None, ImportSize);
    }

    public async Task DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(Normal);
        await TestPostgres.DropDatabaseAsync(Bulk);
    }
}

public sealed class BulkSeederTests(BulkAndNormalSeededStores stores) : IClassFixture<BulkAndNormalSeededStores>
{
    [Fact]
    public async Task BulkSeed_GivesTheSameEventsInEveryStream_AsTheCommandsOneByOne()
    {
        var normal = await SeederTests.EventsAsync(stores.Normal);
        var bulk = await SeederTests.EventsAsync(stores.Bulk);

        Assert.True(normal.Count > BulkAndNormalSeededStores.ImportSize * 3, $"only {normal.Count} events: the imports did not split streams");
        Assert.Equal(normal.Count, bulk.Count);
        for (var i = 0; i < normal.Count; i++)
        {
            Assert.Equal(normal[i], bulk[i]);
        }
    }

    [Fact]
    public async Task BulkSeed_ReportsWhatTheStoreHolds_AndNothingRefused()
    {
        var stored = await SeederTests.CountsByTypeAsync(stores.Bulk);

        Assert.Equal(0, stores.BulkReport!.Refused);
        Assert.Equal(stores.NormalReport!.Commands, stores.BulkReport.Commands);
        Assert.Equal(stored.Values.Sum(), stores.BulkReport.Events);
        Assert.Equal(stores.NormalReport.EventsByType, stores.BulkReport.EventsByType);
    }

    [Fact]
    public async Task BulkSeed_BuildsTheInlineReadModels_AsTheCommandsDo()
    {
        // The import runs the store's inline hooks: the timeline holds a row for every row the normal seed made.
        var normal = await CliTestKit.ScalarAsync(stores.Normal, "SELECT count(*) FROM crm_read.customer_timeline");
        var bulk = await CliTestKit.ScalarAsync(stores.Bulk, "SELECT count(*) FROM crm_read.customer_timeline");

        Assert.True(normal > 0);
        Assert.Equal(normal, bulk);
    }
}
