using Crm.Api.Cli;
using Crm.Api.Seeding;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.Cli;

public sealed class SeedVerbTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Seed_PrintsTheSummary_AndRefusesToSeedTheSameSeedTwice()
    {
        var first = new RecordingConsoles();
        var exit = await SeedVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), CliTestKit.Options(5, 20), first.Consoles, CliTestKit.Today, CancellationToken.None);

        Assert.True(exit == 0, first.Output + first.Errors);
        Assert.Contains("Seeding 5 customers (seed 42) over the 20 days before 2025-03-01", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"Refused commands\s*│\s*0\s", first.Output);
        Assert.Contains("customer.registered", first.Output, StringComparison.Ordinal);
        Assert.Matches(@"Events per second\s*│\s*[\d,]+", first.Output);
        var events = await CliTestKit.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM event_store.events");

        var again = new RecordingConsoles();
        exit = await SeedVerb.RunAsync(CliTestKit.Configuration(database.ConnectionString), CliTestKit.Options(5, 20), again.Consoles, CliTestKit.Today, CancellationToken.None);

        Assert.Equal(CliErrors.Failed, exit);
        Assert.Contains("already holds the history of seed 42", again.Errors, StringComparison.Ordinal);
        Assert.Equal(events, await CliTestKit.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM event_store.events"));
    }

    [Fact]
    public async Task BulkSeed_SaysSo_AndWritesTheEventsAndTheTimeline()
    {
        var target = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var consoles = new RecordingConsoles();

            var exit = await SeedVerb.RunAsync(CliTestKit.Configuration(target), CliTestKit.Options(4, 20), consoles.Consoles, CliTestKit.Today, CancellationToken.None, bulk: true);

            Assert.True(exit == 0, consoles.Output + consoles.Errors);
            Assert.Contains("in bulk (in-memory simulation", consoles.Output, StringComparison.Ordinal);
            var events = await CliTestKit.ScalarAsync(target, "SELECT count(*) FROM event_store.events");
            Assert.True(events > 4, $"only {events} events");
            Assert.Equal(4, await CliTestKit.ScalarAsync(target, "SELECT count(*) FROM crm_read.customer_timeline WHERE kind = 'CustomerRegistered'"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(target);
        }
    }

    [Theory]
    [InlineData(0, 180, 4, "2025-03-01", "--customers must be from 1 to 100,000; 0 is not.")]
    [InlineData(10, 0, 4, "2025-03-01", "--days must be from 1 to 3,650; 0 is not.")]
    [InlineData(10, 30, 0, "2025-03-01", "--parallel must be from 1 to 64; 0 is not.")]
    [InlineData(10, 30, 4, "2025-06-02", "--anchor 2025-06-02 lies in the future")]
    public async Task BadOptions_AreRefusedWithTheReason_AndNothingIsWritten(int customers, int days, int parallelism, string anchor, string message)
    {
        var target = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var consoles = new RecordingConsoles();
            var options = new SeedOptions { Customers = customers, Days = days, Parallelism = parallelism, Anchor = DateOnly.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture) };

            var exit = await SeedVerb.RunAsync(CliTestKit.Configuration(target), options, consoles.Consoles, CliTestKit.Today, CancellationToken.None);

            Assert.Equal(CliErrors.Failed, exit);
            Assert.Contains(message, consoles.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", consoles.Errors, StringComparison.Ordinal);
            Assert.Equal(0, await CliTestKit.ScalarAsync(target, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('event_store', 'crm_read')"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(target);
        }
    }

    [Fact]
    public async Task UnreachableDatabase_IsReportedInASentence()
    {
        var consoles = new RecordingConsoles();
        var configuration = CliTestKit.Configuration("Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=3");

        var exit = await SeedVerb.RunAsync(configuration, CliTestKit.Options(1, 1), consoles.Consoles, CliTestKit.Today, CancellationToken.None);

        Assert.Equal(CliErrors.Failed, exit);
        Assert.Contains("Cannot reach PostgreSQL", consoles.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", consoles.Errors, StringComparison.Ordinal);
    }
}
