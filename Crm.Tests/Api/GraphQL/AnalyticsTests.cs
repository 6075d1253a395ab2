using System.Globalization;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Trends, KPIs and agent performance, from the same events the mutations wrote.</summary>
public sealed class AnalyticsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task KpisTrendsAndAgentPerformance_ReflectTheRecordedWork()
    {
        var agentId = Guid.CreateVersion7();
        using var agent = host.Api.ClientFor(ActorRoles.Agent, "Kai Pi", agentId);
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync("Kim Kpi");
        await agent.MutateAsync("logInteraction", new { customerId, channel = "PHONE", direction = "INBOUND", queue = "sales", topic = "Upgrade", summary = "Wants more.", talkSeconds = 100, holdSeconds = 20, wrapUpSeconds = 30 }, "interactionId");
        await agent.MutateAsync("logInteraction", new { customerId, channel = "CHAT", direction = "INBOUND", queue = "sales", topic = "Upgrade", summary = "Again.", talkSeconds = 200, holdSeconds = 0, wrapUpSeconds = 50 }, "interactionId");
        await agent.MutateAsync("recordAbandonedContact", new { queue = "sales", channel = "PHONE", enteredAt = DateTimeOffset.UtcNow.AddMinutes(-5), waitSeconds = 60 }, "contactId");
        var caseId = await scenario.CaseAsync(customerId);
        await agent.MutateAsync("resolveCase", new { caseId, resolution = "Done.", rootCause = "NO_FAULT" }, "case { id }");
        await agent.MutateAsync("recordSatisfaction", new { caseId, csat = 5, nps = 10 }, "case { id }");
        var today = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var manager = host.Api.ClientFor(ActorRoles.Manager);
        // Trends and agent performance are async read models: the daemon applies them after the append.
        await host.Api.WaitForProjectionsAsync();

        var all = (await manager.DataAsync("query($d: Date!) { kpis(from: $d, to: $d) { csat nps averageHandleTimeSeconds counters { contacts handledContacts casesOpened csatAnswers } } }", new { d = today })).GetProperty("kpis");
        var queue = (await manager.DataAsync("query($d: Date!) { kpis(from: $d, to: $d, queue: \"sales\") { abandonmentRate counters { offeredContacts abandonedContacts } } }", new { d = today })).GetProperty("kpis");
        var channels = (await manager.DataAsync("query($d: Date!) { trends(from: $d, to: $d, grain: WEEK, dimension: CHANNEL) { value kpis { counters { contacts } } } }", new { d = today })).GetProperty("trends");
        var agents = (await manager.DataAsync("query($d: Date!) { agentPerformance(from: $d, to: $d) { nodes { agentId contacts handledContacts averageHandleTimeSeconds } } }", new { d = today })).GetProperty("agentPerformance");

        Assert.Equal(2, all.GetProperty("counters").GetProperty("contacts").GetInt32());
        Assert.Equal(2, all.GetProperty("counters").GetProperty("handledContacts").GetInt32());
        Assert.Equal(1, all.GetProperty("counters").GetProperty("casesOpened").GetInt32());
        Assert.Equal(1m, all.GetProperty("csat").GetDecimal());
        Assert.Equal(100m, all.GetProperty("nps").GetDecimal());
        Assert.Equal(200m, all.GetProperty("averageHandleTimeSeconds").GetDecimal());
        Assert.Equal(3, queue.GetProperty("counters").GetProperty("offeredContacts").GetInt32());
        Assert.Equal(1m / 3m, queue.GetProperty("abandonmentRate").GetDecimal(), 6);
        Assert.Contains(channels.EnumerateArray(), p => p.Text("value") == "Chat" && p.GetProperty("kpis").GetProperty("counters").GetProperty("contacts").GetInt32() == 1);
        var mine = Assert.Single(agents.GetProperty("nodes").EnumerateArray(), a => a.Text("agentId") == agentId.ToString());
        Assert.Equal((2, 200m), (mine.GetProperty("contacts").GetInt32(), mine.GetProperty("averageHandleTimeSeconds").GetDecimal()));
    }
}
