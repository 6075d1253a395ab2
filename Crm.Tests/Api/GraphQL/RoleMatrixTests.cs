using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>
/// Every mutation for every role: Agents, Supervisors and Managers may change records (within
/// their authority); Auditors and Services only read, and every mutation refuses them with
/// auth.forbidden and writes nothing.
/// </summary>
public sealed class RoleMatrixTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>Each mutation with the records it needs made first, and its input.</summary>
    private static readonly Dictionary<string, Func<Scenario, Task<object>>> Inputs = new()
    {
        ["registerCustomer"] = _ => Task.FromResult<object>(new { name = "New Person", phones = new List<string> { "+49 30 1234567" }, language = "de", segment = "BUSINESS", channel = "PHONE" }),
        ["changeContactDetails"] = async s => new { customerId = await s.CustomerAsync(), name = "Renamed", emails = new List<string> { "r@example.com" }, phones = new List<string>() },
        ["changePreferences"] = async s => new { customerId = await s.CustomerAsync(), preferredChannel = "CHAT", language = "fr", marketingConsent = true, contactHours = new { from = "09:00", to = "17:30" } },
        ["registerProduct"] = async s => new { customerId = await s.CustomerAsync(), sku = "KT-100", name = "Kettle", purchasedOn = "2025-01-15", warrantyUntil = "2027-01-15" },
        ["changeSubscription"] = async s =>
        {
            var customerId = await s.CustomerAsync();
            var product = await s.Agent.MutateAsync("registerProduct", new { customerId, sku = "NET-1", name = "Fibre", purchasedOn = "2025-01-01", plan = "Basic" }, "productId");
            return new { customerId, productId = product.Text("productId"), change = "PLAN_CHANGED", plan = "Premium" };
        },
        ["logInteraction"] = async s => new { customerId = await s.CustomerAsync(), channel = "PHONE", direction = "INBOUND", queue = "billing", topic = "Invoice", summary = "Asked about the invoice.", talkSeconds = 120 },
        ["recordAbandonedContact"] = _ => Task.FromResult<object>(new { queue = "billing", channel = "PHONE", enteredAt = DateTimeOffset.UtcNow.AddMinutes(-10), waitSeconds = 95 }),
        ["presentOffer"] = async s => new { customerId = await s.CustomerAsync(), kind = "LOYALTY", description = "10% off the next order." },
        ["respondToOffer"] = async s =>
        {
            var customerId = await s.CustomerAsync();
            var offer = await s.Agent.MutateAsync("presentOffer", new { customerId, kind = "LOYALTY", description = "A free month." }, "offerId");
            return new { customerId, offerId = offer.Text("offerId"), accepted = false, reason = "Not now." };
        },
        ["eraseCustomerData"] = async s => new { customerId = await s.CustomerAsync(), reason = "Erasure request of 2025-05-01." },
        ["openCase"] = async s => new { customerId = await s.CustomerAsync(), kind = "TECHNICAL_ISSUE", category = "ACCOUNT_ACCESS", channel = "CHAT", subject = "Cannot log in", description = "Password reset mail never arrives.", currency = "EUR" },
        ["assignCase"] = async s => new { caseId = await s.CaseAsync(), team = "Billing team" },
        ["escalateCase"] = async s => new { caseId = await s.CaseAsync(), department = "FINANCE", reason = "Needs a credit note." },
        ["addCaseNote"] = async s => new { caseId = await s.CaseAsync(), text = "Checked the invoice.", visibility = "CUSTOMER_FACING" },
        ["issueRefund"] = async s => new { caseId = await s.CaseAsync(), amount = new { amount = 10m }, reason = "Late fee waived." },
        ["arrangeExchange"] = async s => new { caseId = await s.CaseAsync(), returnedSku = "KT-100", replacementSku = "KT-200", value = new { amount = 20m, currency = "EUR" }, reason = "Defective." },
        ["adjustService"] = async s => new { caseId = await s.CaseAsync(), adjustment = "One month free.", value = new { amount = 15m }, reason = "Outage." },
        ["requestRemedyApproval"] = async s => new { caseId = await s.CaseAsync(), kind = "REFUND", value = new { amount = 1000m }, reason = "Repeated failures." },
        ["approveRemedy"] = async s =>
        {
            var (caseId, requestId) = await s.PendingApprovalAsync();
            return new { caseId, requestId };
        },
        ["rejectRemedy"] = async s =>
        {
            var (caseId, requestId) = await s.PendingApprovalAsync();
            return new { caseId, requestId, reason = "Not justified." };
        },
        ["resolveCase"] = async s => new { caseId = await s.CaseAsync(), resolution = "Explained the invoice.", rootCause = "NO_FAULT" },
        ["reopenCase"] = async s => new { caseId = await s.ResolvedCaseAsync(), reason = "The customer called again." },
        ["scheduleFollowUp"] = async s => new { caseId = await s.CaseAsync(), dueAt = DateTimeOffset.UtcNow.AddDays(2), channel = "PHONE", note = "Check the credit arrived." },
        ["completeFollowUp"] = async s =>
        {
            var caseId = await s.CaseAsync();
            var followUp = await s.Agent.MutateAsync("scheduleFollowUp", new { caseId, dueAt = DateTimeOffset.UtcNow.AddDays(1), channel = "EMAIL" }, "followUpId");
            return new { caseId, followUpId = followUp.Text("followUpId"), customerSatisfied = true };
        },
        ["recordSatisfaction"] = async s => new { caseId = await s.ResolvedCaseAsync(), csat = 4, nps = 8 },
        ["closeCase"] = async s => new { caseId = await s.ResolvedCaseAsync() },
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var mutation in Inputs.Keys)
        {
            foreach (var role in ActorRoles.All)
            {
                data.Add(mutation, role);
            }
        }
        return data;
    }

    [Fact]
    public void TheMatrix_CoversEveryMutationOfTheSchema()
    {
        var schema = File.ReadAllText(Path.Combine(Architecture.ProjectReferenceTests.RepositoryRoot(), "Crm.Api", "schema.graphql"));
        var mutations = schema[schema.IndexOf("type Mutation {", StringComparison.Ordinal)..];
        mutations = mutations[..mutations.IndexOf("\n}", StringComparison.Ordinal)];
        var names = System.Text.RegularExpressions.Regex.Matches(mutations, @"^  (\w+)\(", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value);

        Assert.Equal(names.Order(), Inputs.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryMutation_IsAllowedOrRefused_AsTheRoleSays(string mutation, string role)
    {
        using var scenario = new Scenario(host.Api);
        var input = await Inputs[mutation](scenario);
        using var client = host.Api.ClientFor(role, $"A {role}");
        var eventsBefore = await Scenario.EventCountAsync(host.ConnectionString);

        var payload = await client.TryMutateAsync(mutation, input);

        var eventsAfter = await Scenario.EventCountAsync(host.ConnectionString);
        var expected = Expected(mutation, role);
        if (expected is null)
        {
            Assert.Empty(payload.ErrorCodes());
            Assert.True(eventsAfter > eventsBefore, $"{mutation} by {role} wrote nothing.");
        }
        else
        {
            Assert.Equal([expected], payload.ErrorCodes());
            Assert.Equal(eventsBefore, eventsAfter);
        }
    }

    /// <summary>The refusal a role gets, or null when the mutation succeeds for it.</summary>
    private static string? Expected(string mutation, string role) => (mutation, role) switch
    {
        (_, ActorRoles.Auditor or ActorRoles.Service) => "auth.forbidden",
        ("eraseCustomerData", ActorRoles.Agent) => "auth.forbidden",
        // An agent may decide approvals only within the agent limit, which the request exceeds by definition.
        ("approveRemedy" or "rejectRemedy", ActorRoles.Agent) => "approval.over_authority",
        // A manager's authority is unlimited, so a manager issues remedies directly instead.
        ("requestRemedyApproval", ActorRoles.Manager) => "approval.within_authority",
        _ => null,
    };
}
