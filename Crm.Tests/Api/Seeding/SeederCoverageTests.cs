using Crm.Api.Application;
using Crm.Tests.Api.Cli;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.Seeding;

/// <summary>A history of moderate size holds every kind of event of the domain, and nothing the domain refused.</summary>
public sealed class SeederCoverageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task ModerateSeed_HoldsEveryEventTypeOfTheDomain_WithNoRefusedCommand()
    {
        var report = await SeederTests.SeedAsync(database.ConnectionString, CliTestKit.Options(customers: 80, days: 120));

        var stored = await SeederTests.CountsByTypeAsync(database.ConnectionString);
        var missing = CrmEventTypes.All.Select(t => t.Name).Where(name => stored.GetValueOrDefault(name) == 0).ToList();
        Assert.True(missing.Count == 0, $"no events of type {string.Join(", ", missing)}");
        Assert.True(report.Refused == 0, string.Join("\n", report.Refusals.Select(r => $"{r.Command} on {r.StreamId}: {r.Code} {r.Message}")));
    }
}
