using System.Text.Json;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Auditors read the raw log with its metadata and hashes, past states folded from events, and the integrity of the chain.</summary>
public sealed class AuditorTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task StreamEvents_ShowEveryEventWithItsMetadataAndHash_InPages()
    {
        using var scenario = new Scenario(host.Api);
        var agentId = Guid.CreateVersion7();
        using var agent = host.Api.ClientFor(ActorRoles.Agent, "Ann Lee", agentId);
        agent.DefaultRequestHeaders.Add("X-Correlation-Id", "ticket-4711");
        var customerId = await scenario.CustomerAsync("Eve Adams");
        await agent.MutateAsync("changeContactDetails", new { customerId, name = "Eve Adams-Baker", emails = new List<string> { "eve@example.com" }, phones = new List<string>() }, "customer { id }");
        await agent.MutateAsync("logInteraction", new { customerId, channel = "CHAT", direction = "INBOUND", topic = "Address", summary = "Moved house." }, "interactionId");
        using var auditor = host.Api.ClientFor(ActorRoles.Auditor, "Ida Audit");

        var first = await auditor.DataAsync("""
            query($id: ID!) { streamEvents(streamId: $id, first: 2) {
              totalCount pageInfo { hasNextPage endCursor }
              nodes { eventId streamId version position type schemaVersion data occurredAt recordedAt hash
                      metadata { actorId actorRole correlationId causationId occurredAt headers { name value } } } } }
            """, new { id = customerId });
        var page = first.GetProperty("streamEvents");
        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var events = page.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["customer.registered", "customer.contact_details_changed"], events.Select(e => e.Text("type")).ToArray());
        var change = events[1];
        Assert.Equal(2, change.GetProperty("version").GetInt32());
        Assert.Equal(64, change.Text("hash").Length);
        Assert.Matches("^[0-9a-f]{64}$", change.Text("hash"));
        Assert.NotEqual(events[0].Text("hash"), change.Text("hash"));
        Assert.Equal("Eve Adams-Baker", JsonDocument.Parse(change.Text("data")).RootElement.GetProperty("name").GetString());
        var metadata = change.GetProperty("metadata");
        Assert.Equal((agentId.ToString(), "Agent", "ticket-4711"), (metadata.Text("actorId"), metadata.Text("actorRole"), metadata.Text("correlationId")));
        Assert.False(string.IsNullOrEmpty(metadata.Text("causationId")));
        Assert.Contains(metadata.GetProperty("headers").EnumerateArray(), h => h.Text("name") == "command" && h.Text("value") == "ChangeContactDetails");

        var second = await auditor.DataAsync(
            "query($id: ID!, $after: String) { streamEvents(streamId: $id, after: $after) { pageInfo { hasNextPage hasPreviousPage } nodes { version type } } }",
            new { id = customerId, after = page.GetProperty("pageInfo").Text("endCursor") });
        var rest = second.GetProperty("streamEvents");
        Assert.Equal("customer.interaction_logged", Assert.Single(rest.GetProperty("nodes").EnumerateArray()).Text("type"));
        Assert.False(rest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(rest.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task CustomerAsOf_ShowsTheCustomerBeforeAndAfterAChange_ByVersionAndByMoment()
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync("Olga Old");
        using var auditor = host.Api.ClientFor(ActorRoles.Auditor, "Ida Audit");
        var registeredAt = await RecordedAtAsync(auditor, customerId, 1);
        await scenario.Agent.MutateAsync("changeContactDetails", new { customerId, name = "Olga New", emails = new List<string> { "olga@example.com" }, phones = new List<string>() }, "customer { id }");
        const string Query = "query($id: ID!, $v: Int, $at: DateTime) { customerAsOf(id: $id, version: $v, at: $at) { version name emails } }";

        var before = (await auditor.DataAsync(Query, new { id = customerId, v = 1 })).GetProperty("customerAsOf");
        var after = (await auditor.DataAsync(Query, new { id = customerId })).GetProperty("customerAsOf");
        var atRegistration = (await auditor.DataAsync(Query, new { id = customerId, at = registeredAt })).GetProperty("customerAsOf");
        var beforeRegistration = await auditor.PostAsync(Query, new { id = customerId, at = registeredAt.AddSeconds(-1) });

        Assert.Equal((1, "Olga Old"), (before.GetProperty("version").GetInt32(), before.Text("name")));
        Assert.Equal((2, "Olga New"), (after.GetProperty("version").GetInt32(), after.Text("name")));
        Assert.Equal("olga@example.com", after.GetProperty("emails")[0].GetString());
        Assert.Equal("Olga Old", atRegistration.Text("name"));
        Assert.Equal(JsonValueKind.Null, beforeRegistration.GetProperty("data").GetProperty("customerAsOf").ValueKind);
        Assert.Equal(["NOT_FOUND"], beforeRegistration.GraphQLErrorCodes());
    }

    [Fact]
    public async Task CaseAsOf_IsFoldedFromTheEvents()
    {
        using var scenario = new Scenario(host.Api);
        var caseId = await scenario.CaseAsync();
        await scenario.Agent.MutateAsync("addCaseNote", new { caseId, text = "Looked into it." }, "case { id }");
        await scenario.Agent.MutateAsync("resolveCase", new { caseId, resolution = "Explained.", rootCause = "NO_FAULT" }, "case { id }");
        using var manager = host.Api.ClientFor(ActorRoles.Manager, "Mia Head");
        const string Query = "query($id: ID!, $v: Int) { caseAsOf(id: $id, version: $v) { version status noteCount resolvedAt customer { id } } }";

        var opened = (await manager.DataAsync(Query, new { id = caseId, v = 1 })).GetProperty("caseAsOf");
        var now = (await manager.DataAsync(Query, new { id = caseId })).GetProperty("caseAsOf");

        Assert.Equal(("OPEN", 0, JsonValueKind.Null), (opened.Text("status"), opened.GetProperty("noteCount").GetInt32(), opened.GetProperty("resolvedAt").ValueKind));
        Assert.Equal(("RESOLVED", 1, 3), (now.Text("status"), now.GetProperty("noteCount").GetInt32(), now.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task VerifyIntegrity_ReportsAnIntactStore_AndFindsATamperedEvent()
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync("Tess Tamper");
        await scenario.CaseAsync(customerId);
        using var auditor = host.Api.ClientFor(ActorRoles.Auditor, "Ida Audit");
        const string Query = "query($s: ID) { verifyIntegrity(streamId: $s) { intact streamsChecked eventsChecked violations { streamId version kind description } } }";

        var all = (await auditor.DataAsync(Query)).GetProperty("verifyIntegrity");
        Assert.True(all.GetProperty("intact").GetBoolean());
        Assert.True(all.GetProperty("streamsChecked").GetInt32() >= 2);

        var stream = "customer-" + await UuidAsync(auditor, customerId);
        await using (var dataSource = NpgsqlDataSource.Create(host.ConnectionString))
        {
            await using var tamper = dataSource.CreateCommand(
                "UPDATE event_store.events SET data = jsonb_set(data, '{name}', '\"Someone Else\"') WHERE stream_id = $1 AND version = 1");
            tamper.Parameters.AddWithValue(stream);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var one = (await auditor.DataAsync(Query, new { s = customerId })).GetProperty("verifyIntegrity");
        Assert.False(one.GetProperty("intact").GetBoolean());
        var violation = Assert.Single(one.GetProperty("violations").EnumerateArray());
        Assert.Equal((stream, 1, "HASH_MISMATCH"), (violation.Text("streamId"), violation.GetProperty("version").GetInt32(), violation.Text("kind")));
    }

    [Theory]
    [InlineData(ActorRoles.Agent)]
    [InlineData(ActorRoles.Supervisor)]
    [InlineData(ActorRoles.Service)]
    public async Task AuditorQueries_AreForbiddenToOtherRoles(string role)
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync();
        var caseId = await scenario.CaseAsync(customerId);
        using var client = host.Api.ClientFor(role);

        foreach (var (query, variables) in new (string, object?)[]
        {
            ("query($id: ID!) { streamEvents(streamId: $id) { totalCount } }", new { id = customerId }),
            ("query($id: ID!) { customerAsOf(id: $id) { name } }", new { id = customerId }),
            ("query($id: ID!) { caseAsOf(id: $id) { status } }", new { id = caseId }),
            ("{ verifyIntegrity { intact } }", null),
        })
        {
            var root = await client.PostAsync(query, variables);
            Assert.Equal(["auth.forbidden"], root.GraphQLErrorCodes());
        }
    }

    private static async Task<DateTimeOffset> RecordedAtAsync(HttpClient auditor, string id, int version)
    {
        var data = await auditor.DataAsync("query($id: ID!, $v: Int) { streamEvents(streamId: $id, fromVersion: $v, first: 1) { nodes { recordedAt } } }", new { id, v = version });
        return data.GetProperty("streamEvents").GetProperty("nodes")[0].GetProperty("recordedAt").GetDateTimeOffset();
    }

    private static async Task<string> UuidAsync(HttpClient client, string id) =>
        (await client.DataAsync("query($id: ID!) { customer(id: $id) { customerId } }", new { id })).GetProperty("customer").Text("customerId");
}
