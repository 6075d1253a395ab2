using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Optimistic concurrency through the API: stale screens are refused, racing writers are retried, nothing is lost.</summary>
public sealed class ConcurrencyTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AStaleExpectedVersion_IsRefused_WritingNothing_AndThePayloadShowsTheCurrentVersion()
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync("Vera Version");
        using var agent = host.Api.ClientFor(ActorRoles.Agent);
        var details = new { customerId, name = "Vera Changed", emails = new List<string> { "vera@example.com" }, phones = new List<string>(), expectedVersion = 1 };
        await agent.MutateAsync("changeContactDetails", details, "customer { version }");

        var stale = await agent.TryMutateAsync("changeContactDetails", details with { name = "Vera Stale" }, "customer { version name }");

        Assert.Equal(["concurrency.stale_version"], stale.ErrorCodes());
        Assert.Equal("expectedVersion", stale.GetProperty("errors")[0].Text("field"));
        Assert.Equal(2, stale.GetProperty("customer").GetProperty("version").GetInt32());
        Assert.Equal("Vera Changed", stale.GetProperty("customer").Text("name"));

        var caseId = await scenario.CaseAsync(customerId);
        var staleNote = await agent.TryMutateAsync("addCaseNote", new { caseId, text = "Too late.", expectedVersion = 0 }, "case { version noteCount }");
        Assert.Equal(["concurrency.stale_version"], staleNote.ErrorCodes());
        Assert.Equal((1, 0), (staleNote.GetProperty("case").GetProperty("version").GetInt32(), staleNote.GetProperty("case").GetProperty("noteCount").GetInt32()));
        var fresh = await agent.MutateAsync("addCaseNote", new { caseId, text = "In time.", expectedVersion = 1 }, "case { version noteCount }");
        Assert.Equal((2, 1), (fresh.GetProperty("case").GetProperty("version").GetInt32(), fresh.GetProperty("case").GetProperty("noteCount").GetInt32()));
    }

    [Fact]
    public async Task TwentyConcurrentMutationsOnOneCase_AreAllAppliedOrCleanlyRefused_NoneLost()
    {
        using var scenario = new Scenario(host.Api);
        var caseId = await scenario.CaseAsync();
        using var agent = host.Api.ClientFor(ActorRoles.Agent);

        var payloads = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            agent.TryMutateAsync("addCaseNote", new { caseId, text = $"Note {i}" })));

        var applied = payloads.Count(p => p.ErrorCodes().Length == 0);
        Assert.All(payloads.Where(p => p.ErrorCodes().Length > 0), p => Assert.Equal(["concurrency.conflict"], p.ErrorCodes()));
        var data = await agent.DataAsync("query($id: ID!) { case(id: $id) { version noteCount timeline(first: 50) { totalCount } } }", new { id = caseId });
        var theCase = data.GetProperty("case");
        Assert.True(applied >= 1);
        Assert.Equal(applied, theCase.GetProperty("noteCount").GetInt32());
        Assert.Equal(1 + applied, theCase.GetProperty("version").GetInt32());
        Assert.Equal(1 + applied, theCase.GetProperty("timeline").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task TwentyConcurrentMutationsFromTheSameScreen_OneWins_TheOthersAreStale()
    {
        using var scenario = new Scenario(host.Api);
        var caseId = await scenario.CaseAsync();
        using var agent = host.Api.ClientFor(ActorRoles.Agent);

        var payloads = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            agent.TryMutateAsync("addCaseNote", new { caseId, text = $"Note {i}", expectedVersion = 1 })));

        Assert.Single(payloads, p => p.ErrorCodes().Length == 0);
        Assert.Equal(19, payloads.Count(p => p.ErrorCodes() is ["concurrency.stale_version"]));
        Assert.Equal(2, await scenario.VersionAsync("case", caseId));
    }
}
