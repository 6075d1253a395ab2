using System.Text.Json;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;
using Npgsql;

namespace Crm.Tests.Api.GraphQL;

/// <summary>Builds the records a test needs through the API, as an agent of its own.</summary>
internal sealed class Scenario(ApiFactory api) : IDisposable
{
    private readonly HttpClient _agent = api.ClientFor(ActorRoles.Agent, "Setup Agent");

    public HttpClient Agent => _agent;

    /// <summary>A new customer's global id.</summary>
    public async Task<string> CustomerAsync(string name = "Jo Doe", bool marketingConsent = false)
    {
        var payload = await _agent.MutateAsync("registerCustomer", new
        {
            name,
            emails = new List<string> { $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com" },
            language = "en",
            segment = "CONSUMER",
            channel = "EMAIL",
        }, "customer { id }");
        var id = payload.GetProperty("customer").GetProperty("id").GetString()!;
        if (marketingConsent)
        {
            await _agent.MutateAsync("changePreferences", new { customerId = id, preferredChannel = "EMAIL", language = "en", marketingConsent = true }, "customer { id }");
        }
        return id;
    }

    /// <summary>A new open case (an inquiry in EUR) of a new or given customer; its global id.</summary>
    public async Task<string> CaseAsync(string? customerId = null, string kind = "INQUIRY")
    {
        customerId ??= await CustomerAsync();
        var payload = await _agent.MutateAsync("openCase", new
        {
            customerId,
            kind,
            category = "BILLING",
            channel = "EMAIL",
            subject = "Invoice question",
            description = "The customer asks about the last invoice.",
            currency = "EUR",
        }, "case { id }");
        return payload.GetProperty("case").GetProperty("id").GetString()!;
    }

    /// <summary>A new resolved case; its global id.</summary>
    public async Task<string> ResolvedCaseAsync()
    {
        var caseId = await CaseAsync();
        await _agent.MutateAsync("resolveCase", new { caseId, resolution = "Explained the invoice.", rootCause = "NO_FAULT" }, "case { id }");
        return caseId;
    }

    /// <summary>A pending approval request of 60 EUR (above the agent limit) on a new case: the case's and the request's ids.</summary>
    public async Task<(string CaseId, string RequestId)> PendingApprovalAsync()
    {
        var caseId = await CaseAsync();
        var payload = await _agent.MutateAsync("requestRemedyApproval", new
        {
            caseId,
            kind = "REFUND",
            value = new { amount = 60m },
            reason = "Charged twice.",
        }, "approvalRequestId");
        return (caseId, payload.GetProperty("approvalRequestId").GetString()!);
    }

    /// <summary>How many events the whole store holds.</summary>
    public static async Task<long> EventCountAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM event_store.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The version of a customer or case, as the API reports it.</summary>
    public async Task<int> VersionAsync(string field, string id)
    {
        var data = await _agent.DataAsync($"query($id: ID!) {{ {field}(id: $id) {{ version }} }}", new { id });
        return data.GetProperty(field).GetProperty("version").GetInt32();
    }

    public void Dispose() => _agent.Dispose();
}

/// <summary>Small JSON helpers.</summary>
internal static class Json
{
    public static string Text(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element.GetProperty(name);
        }
        return element.GetString()!;
    }
}
