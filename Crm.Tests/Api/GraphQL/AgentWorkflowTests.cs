using System.Text.Json;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>An agent's day through the HTTP pipeline: a customer, contacts, a complaint from opening to survey, then the customer's timeline and statistics.</summary>
public sealed class AgentWorkflowTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AgentHandlesAComplaintFromFirstCallToSurvey_AndTheTimelineAndStatsShowIt()
    {
        var agentId = Guid.CreateVersion7();
        using var agent = host.Api.ClientFor(ActorRoles.Agent, "Ann Lee", agentId);

        var me = (await agent.DataAsync("{ me { id name role } }")).GetProperty("me");
        Assert.Equal((agentId.ToString(), "Ann Lee", "AGENT"), (me.Text("id"), me.Text("name"), me.Text("role")));
        var registered = await agent.MutateAsync("registerCustomer", new
        {
            name = "Maria Rossi",
            emails = new List<string> { "maria.rossi@example.com" },
            phones = new List<string> { "+39 06 1234 5678" },
            language = "it",
            segment = "CONSUMER",
            channel = "PHONE",
        }, "customer { id name version status }");
        var customer = registered.GetProperty("customer");
        var customerId = customer.GetProperty("id").GetString()!;
        Assert.Equal("Maria Rossi", customer.GetProperty("name").GetString());
        Assert.Equal(1, customer.GetProperty("version").GetInt32());

        var started = DateTimeOffset.UtcNow.AddMinutes(-30);
        await agent.MutateAsync("logInteraction", new
        {
            customerId,
            channel = "PHONE",
            direction = "INBOUND",
            queue = "support",
            topic = "Broken kettle",
            summary = "The kettle stopped heating after two days.",
            startedAt = started,
            talkSeconds = 240,
            holdSeconds = 30,
            wrapUpSeconds = 60,
        }, "interactionId");
        var opened = await agent.MutateAsync("openCase", new
        {
            customerId,
            kind = "COMPLAINT",
            category = "DEFECTIVE_PRODUCT",
            priority = "HIGH",
            channel = "PHONE",
            subject = "Kettle does not heat",
            description = "Bought last week; stopped heating after two days.",
            currency = "EUR",
        }, "case { id status version customer { id } }");
        var caseNode = opened.GetProperty("case");
        var caseId = caseNode.GetProperty("id").GetString()!;
        Assert.Equal("OPEN", caseNode.GetProperty("status").GetString());
        Assert.Equal(customerId, caseNode.GetProperty("customer").GetProperty("id").GetString());

        await agent.MutateAsync("logInteraction", new
        {
            customerId,
            caseId,
            channel = "EMAIL",
            direction = "OUTBOUND",
            topic = "Return label",
            summary = "Sent the return label.",
        }, "interactionId");
        var assigned = await agent.MutateAsync("assignCase", new { caseId, agentId }, "case { assignee { agentId team } }");
        Assert.Equal(agentId.ToString(), assigned.GetProperty("case").GetProperty("assignee").Text("agentId"));
        await agent.MutateAsync("escalateCase", new { caseId, tier = "SUPERVISOR", reason = "Second defect this month." }, "case { escalationTier }");
        var refund = await agent.MutateAsync("issueRefund", new { caseId, amount = new { amount = 30m, currency = "EUR" }, reason = "Goodwill for the wait." }, "remedyId case { refundTotal { amount currency } }");
        Assert.Equal(30m, refund.GetProperty("case").GetProperty("refundTotal").GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.String, refund.GetProperty("remedyId").ValueKind);
        var resolved = await agent.MutateAsync("resolveCase", new { caseId, resolution = "Replacement shipped, goodwill refund.", rootCause = "PRODUCT_DEFECT" }, "case { status rootCause version }");
        Assert.Equal("RESOLVED", resolved.GetProperty("case").GetProperty("status").GetString());
        await agent.MutateAsync("recordSatisfaction", new { caseId, csat = 5, nps = 9, comment = "Quick and friendly." }, "case { csat nps }");

        var data = await agent.DataAsync("""
            query($id: ID!) {
              customer(id: $id) {
                name
                version
                stats { contacts openCases averageCsat lastNps complaintsLast30Days refunds { amount currency } }
                timeline(first: 50) {
                  totalCount
                  pageInfo { hasNextPage hasPreviousPage }
                  edges { cursor node { kind title at actor { id name role } channel case { id status kind } } }
                }
                cases { totalCount nodes { id status kind fcr escalationCount contacts csat nps remedies { kind value { amount currency } by { name } } sla { firstResponse } } }
              }
            }
            """, new { id = customerId });

        var c = data.GetProperty("customer");
        Assert.Equal("Maria Rossi", c.GetProperty("name").GetString());
        var stats = c.GetProperty("stats");
        Assert.Equal(2, stats.GetProperty("contacts").GetInt32());
        Assert.Equal(0, stats.GetProperty("openCases").GetInt32());
        Assert.Equal(5m, stats.GetProperty("averageCsat").GetDecimal());
        Assert.Equal(9, stats.GetProperty("lastNps").GetInt32());
        Assert.Equal(1, stats.GetProperty("complaintsLast30Days").GetInt32());
        var refunds = stats.GetProperty("refunds").EnumerateArray().ToList();
        Assert.Single(refunds);
        Assert.Equal(30m, refunds[0].GetProperty("amount").GetDecimal());

        var timeline = c.GetProperty("timeline");
        var kinds = timeline.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("kind").GetString()).ToList();
        Assert.Equal(timeline.GetProperty("totalCount").GetInt32(), kinds.Count);
        Assert.False(timeline.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        foreach (var expected in new[] { "CUSTOMER_REGISTERED", "INTERACTION_LOGGED", "CASE_OPENED", "CASE_ESCALATED", "REFUND_ISSUED", "CASE_RESOLVED", "SATISFACTION_RECORDED" })
        {
            Assert.Contains(expected, kinds);
        }
        Assert.Equal(2, kinds.Count(k => k == "INTERACTION_LOGGED"));
        Assert.Equal("SATISFACTION_RECORDED", kinds[0]);
        Assert.Equal("CUSTOMER_REGISTERED", kinds[^1]);
        var times = timeline.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var caseEntries = timeline.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).Where(n => n.GetProperty("case").ValueKind != JsonValueKind.Null).ToList();
        Assert.All(caseEntries, n => Assert.Equal(caseId, n.GetProperty("case").GetProperty("id").GetString()));
        Assert.All(caseEntries, n => Assert.Equal("COMPLAINT", n.GetProperty("case").GetProperty("kind").GetString()));
        var escalation = timeline.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).Single(n => n.GetProperty("kind").GetString() == "CASE_ESCALATED");
        Assert.Equal("Ann Lee", escalation.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(agentId.ToString(), escalation.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("AGENT", escalation.GetProperty("actor").GetProperty("role").GetString());

        var theCase = Assert.Single(c.GetProperty("cases").GetProperty("nodes").EnumerateArray());
        Assert.Equal(caseId, theCase.GetProperty("id").GetString());
        Assert.Equal("RESOLVED", theCase.GetProperty("status").GetString());
        Assert.Equal(1, theCase.GetProperty("escalationCount").GetInt32());
        Assert.Equal(1, theCase.GetProperty("contacts").GetInt32());
        Assert.True(theCase.GetProperty("fcr").GetBoolean());
        Assert.Equal(5, theCase.GetProperty("csat").GetInt32());
        var remedy = Assert.Single(theCase.GetProperty("remedies").EnumerateArray());
        Assert.Equal("REFUND", remedy.GetProperty("kind").GetString());
        Assert.Equal("Ann Lee", remedy.GetProperty("by").GetProperty("name").GetString());
        Assert.Equal("MET", theCase.GetProperty("sla").GetProperty("firstResponse").GetString());
    }
}
