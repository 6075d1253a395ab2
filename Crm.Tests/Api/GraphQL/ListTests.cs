using System.Text.Json;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Searching and paging customers, cases and timelines in both directions.</summary>
public sealed class ListTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Customers_AreFoundByNameEmailAndPhone_AndFilteredBySegment()
    {
        using var agent = host.Api.ClientFor(ActorRoles.Agent);
        var ids = new Dictionary<string, string>();
        foreach (var (name, segment, phone) in new[] { ("Quentin Quasar", "VIP", "+44 20 7946 0001"), ("Quinn Quasar", "BUSINESS", "+44 20 7946 0002"), ("Rita Other", "VIP", "+44 20 7000 0003") })
        {
            var payload = await agent.MutateAsync("registerCustomer", new
            {
                name,
                emails = new List<string> { $"{name.Split(' ')[0].ToLowerInvariant()}@{name.Split(' ')[1].ToLowerInvariant()}.example" },
                phones = new List<string> { phone },
                language = "en",
                segment,
                channel = "PHONE",
            }, "customer { id }");
            ids[name] = payload.GetProperty("customer").Text("id");
        }
        const string Search = "query($s: String, $seg: Segment) { customers(search: $s, segment: $seg) { totalCount edges { score node { id name segment } } } }";

        var byName = (await agent.DataAsync(Search, new { s = "Quasar" })).GetProperty("customers");
        var byTypo = (await agent.DataAsync(Search, new { s = "Qasar" })).GetProperty("customers");
        var byPhone = (await agent.DataAsync(Search, new { s = "7946 0002" })).GetProperty("customers");
        var vips = (await agent.DataAsync(Search, new { s = "Quasar", seg = "VIP" })).GetProperty("customers");

        Assert.Equal(2, byName.GetProperty("totalCount").GetInt32());
        Assert.All(byName.GetProperty("edges").EnumerateArray(), e => Assert.InRange(e.GetProperty("score").GetDouble(), 0.5, 1.0));
        Assert.Contains(byTypo.GetProperty("edges").EnumerateArray(), e => e.GetProperty("node").Text("name").EndsWith("Quasar", StringComparison.Ordinal));
        Assert.Equal(ids["Quinn Quasar"], byPhone.GetProperty("edges")[0].GetProperty("node").Text("id"));
        Assert.Equal("Quentin Quasar", Assert.Single(vips.GetProperty("edges").EnumerateArray()).GetProperty("node").Text("name"));
    }

    [Fact]
    public async Task CustomersAndCases_PageForwardAndBackward_WithoutGapsOrRepeats()
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync("Paige Pager");
        var cases = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(await scenario.CaseAsync(customerId));
        }
        using var reader = host.Api.ClientFor(ActorRoles.Service);
        const string Forward = "query($id: ID!, $after: String) { cases(customerId: $id, first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { id } } }";
        const string Backward = "query($id: ID!, $before: String) { cases(customerId: $id, last: 2, before: $before) { pageInfo { hasNextPage hasPreviousPage startCursor } nodes { id } } }";

        var seen = new List<string>();
        string? after = null;
        JsonElement page;
        do
        {
            page = (await reader.DataAsync(Forward, new { id = customerId, after })).GetProperty("cases");
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.Text("id")));
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var backward = new List<string>();
        string? before = null;
        do
        {
            page = (await reader.DataAsync(Backward, new { id = customerId, before })).GetProperty("cases");
            backward.InsertRange(0, page.GetProperty("nodes").EnumerateArray().Select(n => n.Text("id")));
            before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        Assert.Equal(Enumerable.Reverse(cases), seen);
        Assert.Equal(seen, backward);
        var open = await reader.DataAsync("query($id: ID!) { customer(id: $id) { cases(status: RESOLVED) { totalCount } } all: cases(customerId: $id, kind: INQUIRY, category: BILLING) { totalCount } }", new { id = customerId });
        Assert.Equal(0, open.GetProperty("customer").GetProperty("cases").GetProperty("totalCount").GetInt32());
        Assert.Equal(5, open.GetProperty("all").GetProperty("totalCount").GetInt32());

        var customers = (await reader.DataAsync("{ customers(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }")).GetProperty("customers");
        Assert.True(customers.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var next = (await reader.DataAsync("query($a: String) { customers(first: 100, after: $a) { nodes { name } } }", new { a = customers.GetProperty("pageInfo").Text("endCursor") })).GetProperty("customers");
        Assert.Equal(customers.GetProperty("totalCount").GetInt32() - 1, next.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Timelines_PageWithCursors_AndFilterByKindAndTime()
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync("Tim Line");
        var caseId = await scenario.CaseAsync(customerId);
        for (var i = 0; i < 4; i++)
        {
            await scenario.Agent.MutateAsync("logInteraction", new { customerId, caseId, channel = "PHONE", direction = "INBOUND", topic = $"Call {i}", summary = "Asked again." }, "interactionId");
        }
        await scenario.Agent.MutateAsync("addCaseNote", new { caseId, text = "Noted." }, "case { id }");
        using var reader = host.Api.ClientFor(ActorRoles.Agent);

        var first = (await reader.DataAsync("query($id: ID!) { customer(id: $id) { timeline(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { kind } } } }", new { id = customerId }))
            .GetProperty("customer").GetProperty("timeline");
        var rest = (await reader.DataAsync("query($id: ID!, $a: String) { customer(id: $id) { timeline(first: 10, after: $a) { pageInfo { hasNextPage hasPreviousPage } nodes { kind } } } }",
            new { id = customerId, a = first.GetProperty("pageInfo").Text("endCursor") })).GetProperty("customer").GetProperty("timeline");
        var calls = (await reader.DataAsync("query($id: ID!) { customer(id: $id) { timeline(kinds: [INTERACTION_LOGGED, CASE_NOTE_ADDED]) { totalCount } } }", new { id = customerId }))
            .GetProperty("customer").GetProperty("timeline");
        var future = (await reader.DataAsync("query($id: ID!, $from: DateTime) { customer(id: $id) { timeline(from: $from) { totalCount } } }", new { id = customerId, from = DateTimeOffset.UtcNow.AddHours(1) }))
            .GetProperty("customer").GetProperty("timeline");
        var caseTimeline = (await reader.DataAsync("query($id: ID!) { case(id: $id) { timeline(last: 2) { totalCount nodes { kind } pageInfo { hasPreviousPage } } } }", new { id = caseId }))
            .GetProperty("case").GetProperty("timeline");

        Assert.Equal(7, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, first.GetProperty("nodes").GetArrayLength());
        Assert.Equal(4, rest.GetProperty("nodes").GetArrayLength());
        Assert.False(rest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(rest.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(5, calls.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, future.GetProperty("totalCount").GetInt32());
        Assert.Equal(6, caseTimeline.GetProperty("totalCount").GetInt32());
        Assert.Equal(["INTERACTION_LOGGED", "CASE_OPENED"], caseTimeline.GetProperty("nodes").EnumerateArray().Select(n => n.Text("kind")).ToArray());
        Assert.True(caseTimeline.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }
}
