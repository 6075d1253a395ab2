using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Bad input answers with a clear GraphQL error or DomainError — never a 500 or a stack trace — and writes nothing.</summary>
public sealed class BadInputTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static readonly string UnknownCustomer = Convert.ToBase64String(Encoding.ASCII.GetBytes($"Customer:{Guid.CreateVersion7()}"));

    [Theory]
    [InlineData("{ customer(id: ", null, "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ customer(id: \"x\") { shoeSize } }", null, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("query($first: Int!) { customers(first: $first) { totalCount } }", """{"first": "ten"}""", "BAD_USER_INPUT")]
    [InlineData("query($first: Int!) { customers(first: $first) { totalCount } }", """{"first": 99999999999}""", "BAD_USER_INPUT")]
    [InlineData("{ customers(first: 1000) { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ customers(first: 0) { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ customers(first: 5, last: 5) { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ customers(after: \"bm90IGEgY3Vyc29y\") { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ customers(search: \"a\") { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ cases(after: \"%%%\") { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ cases(openedFrom: \"2025-02-01T00:00:00Z\", openedTo: \"2025-01-01T00:00:00Z\") { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ cases(customerId: \"nope\") { totalCount } }", null, "BAD_USER_INPUT")]
    [InlineData("{ trends(from: \"2025-02-01\", to: \"2025-01-01\", dimension: TOTAL) { value } }", null, "BAD_USER_INPUT")]
    [InlineData("{ trends(from: \"2025-13-45\", to: \"2025-01-01\", dimension: TOTAL) { value } }", null, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ trends(from: \"1990-01-01\", to: \"2025-01-01\", dimension: TOTAL) { value } }", null, "BAD_USER_INPUT")]
    [InlineData("{ kpis(from: \"2025-01-01\", to: \"2025-01-31\", channel: PHONE, queue: \"billing\") { csat } }", null, "BAD_USER_INPUT")]
    [InlineData("{ agentPerformance(from: \"2025-01-01\", to: \"2025-01-31\", after: \"zzz\") { nodes { agentId } } }", null, "BAD_USER_INPUT")]
    [InlineData("{ nodes(ids: [\"a\"]) { id } }", null, "BAD_USER_INPUT")]
    public async Task BadQueries_AnswerWithAClearError(string query, string? variables, string code)
    {
        using var client = host.Api.ClientFor(ActorRoles.Agent);

        var (status, body) = await client.SendAsync(query, variables is null ? null : JsonNode.Parse(variables));

        Assert.Equal(HttpStatusCode.OK, status);
        var root = JsonDocument.Parse(body).RootElement;
        var errors = root.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(root.GraphQLErrorCodes().Contains(code), body);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected Execution Error", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAndMalformedIds_GiveNullWithAnError()
    {
        using var scenario = new Scenario(host.Api);
        var caseId = await scenario.CaseAsync();
        using var client = host.Api.ClientFor(ActorRoles.Service);

        var unknown = await client.PostAsync("query($id: ID!) { customer(id: $id) { name } }", new { id = UnknownCustomer });
        var malformed = await client.PostAsync("{ customer(id: \"not-an-id\") { name } }");
        var wrongKind = await client.PostAsync("query($id: ID!) { customer(id: $id) { name } }", new { id = caseId });
        var node = await client.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Case { status } } }", new { ids = new List<string> { caseId, "garbage", UnknownCustomer } });

        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("data").GetProperty("customer").ValueKind);
        Assert.Equal(["NOT_FOUND"], unknown.GraphQLErrorCodes());
        Assert.Equal(JsonValueKind.Null, malformed.GetProperty("data").GetProperty("customer").ValueKind);
        Assert.Equal(["BAD_USER_INPUT"], malformed.GraphQLErrorCodes());
        Assert.Contains("is the id of a Case, not of a Customer", wrongKind.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var nodes = node.GetProperty("data").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("OPEN", nodes[0].GetProperty("status").GetString());
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (nodes[1].ValueKind, nodes[2].ValueKind));
        Assert.Equal(2, node.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task BadMutationInputs_AreRefusedWithDomainErrors_AndWriteNothing()
    {
        using var scenario = new Scenario(host.Api);
        var customerId = await scenario.CustomerAsync();
        var caseId = await scenario.CaseAsync(customerId);
        var resolvedCaseId = await scenario.ResolvedCaseAsync();
        using var agent = host.Api.ClientFor(ActorRoles.Agent);
        var before = await Scenario.EventCountAsync(host.ConnectionString);

        var refusals = new (string Mutation, object Input, string Code, string? Field)[]
        {
            ("addCaseNote", new { caseId = "not-an-id", text = "x" }, "input.invalid_id", "caseId"),
            ("addCaseNote", new { caseId = customerId, text = "x" }, "input.invalid_id", "caseId"),
            ("logInteraction", new { customerId = UnknownCustomer, channel = "PHONE", direction = "INBOUND", topic = "t", summary = "s" }, "customer.not_found", "customerId"),
            ("addCaseNote", new { caseId, text = "nul\u0000here" }, "input.invalid_text", "text"),
            ("addCaseNote", new { caseId, text = "   " }, "note.text_required", "text"),
            ("addCaseNote", new { caseId, text = "ok", expectedVersion = -3 }, "input.out_of_range", "expectedVersion"),
            ("recordSatisfaction", new { caseId = resolvedCaseId, csat = 7 }, "satisfaction.csat_out_of_range", "csat"),
            ("issueRefund", new { caseId, amount = new { amount = 5m, currency = "eur" }, reason = "r" }, "money.currency_invalid", "amount"),
            ("issueRefund", new { caseId, amount = new { amount = -5m }, reason = "r" }, "remedy.amount_not_positive", "value"),
            ("logInteraction", new { customerId, channel = "PHONE", direction = "INBOUND", topic = "t", summary = "s", talkSeconds = -1 }, "interaction.durations_negative", null),
            ("changePreferences", new { customerId, preferredChannel = "EMAIL", language = "en", marketingConsent = false, contactHours = new { from = "25:00", to = "18:00" } }, "input.invalid_time", "contactHours.from"),
            ("registerCustomer", new { name = "No Contact", language = "en", segment = "VIP", channel = "EMAIL" }, "customer.contact_required", null),
            ("openCase", new { customerId, kind = "INQUIRY", category = "OTHER", channel = "EMAIL", subject = new string('s', 201), description = "d", currency = "EUR" }, "text.too_long", "subject"),
            ("recordAbandonedContact", new { queue = new string('q', 5000), channel = "PHONE", enteredAt = DateTimeOffset.UtcNow.AddMinutes(-1), waitSeconds = 5 }, "text.too_long", "queue"),
        };
        foreach (var (mutation, input, code, field) in refusals)
        {
            var payload = await agent.TryMutateAsync(mutation, input);
            Assert.True(payload.ErrorCodes() is [var actual] && actual == code, $"{mutation}: expected {code}, got {payload.GetProperty("errors")}");
            if (field is not null)
            {
                Assert.Equal(field, payload.GetProperty("errors")[0].GetProperty("field").GetString());
            }
        }

        var wrongType = await agent.PostAsync(
            "mutation($input: LogInteractionInput!) { logInteraction(input: $input) { errors { code } } }",
            new { input = new { customerId, channel = "FAX", direction = "INBOUND", topic = "t", summary = "s" } });
        Assert.Equal(["BAD_USER_INPUT"], wrongType.GraphQLErrorCodes());
        Assert.False(wrongType.TryGetProperty("data", out _));

        Assert.Equal(before, await Scenario.EventCountAsync(host.ConnectionString));
    }

    [Fact]
    public async Task MalformedHttpRequests_AreRefusedWith4xx()
    {
        using var client = host.Api.ClientFor(ActorRoles.Agent);

        using var notJson = await client.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("{ not json", Encoding.UTF8, "application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Correlation-Id", new string('x', 300));
        using var badCorrelation = await client.SendAsync(request);
        var (syntaxStatus, _) = await SendAsGraphQLResponseAsync(client, "{ customer(id: ");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCorrelation.StatusCode);
        Assert.Contains("X-Correlation-Id", await badCorrelation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, syntaxStatus);
    }

    [Fact]
    public async Task WithoutAToken_EveryGraphQLRequestIs401_ButABrowserGetsTheIde()
    {
        using var anonymous = host.Api.CreateClient();

        var (status, body) = await anonymous.SendAsync("{ __typename }");
        using var ide = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql", UriKind.Relative));
        ide.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await anonymous.SendAsync(ide);
        using var get = await anonymous.GetAsync(new Uri("/graphql?query=%7B__typename%7D", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("bearer token", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
    }

    [Fact]
    public async Task TheCorrelationIdOfTheRequest_IsEchoed_AndANewOneIsMadeWhenAbsent()
    {
        using var client = host.Api.ClientFor(ActorRoles.Agent);
        using var given = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        given.Headers.Add("X-Correlation-Id", "order-981");

        using var echoed = await client.SendAsync(given);
        using var made = await client.PostAsync(new Uri("/graphql", UriKind.Relative), new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"));

        Assert.Equal("order-981", echoed.Headers.GetValues("X-Correlation-Id").Single());
        Assert.True(Guid.TryParse(made.Headers.GetValues("X-Correlation-Id").Single(), out _));
    }

    private static async Task<(HttpStatusCode, string)> SendAsGraphQLResponseAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
