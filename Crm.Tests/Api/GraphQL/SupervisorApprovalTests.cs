using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>A remedy above an agent's limit: refused, requested for approval, approved by a supervisor who then issues it.</summary>
public sealed class SupervisorApprovalTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task ARefundAboveTheAgentsLimit_IsApprovedByASupervisor_WhoIssuesIt()
    {
        using var scenario = new Scenario(host.Api);
        var caseId = await scenario.CaseAsync(kind: "COMPLAINT");
        using var agent = host.Api.ClientFor(ActorRoles.Agent, "Ann Lee");
        using var supervisor = host.Api.ClientFor(ActorRoles.Supervisor, "Sam Boss");

        var direct = await agent.TryMutateAsync("issueRefund", new { caseId, amount = new { amount = 120m, currency = "EUR" }, reason = "Broken twice." }, "case { remedyCount }");
        Assert.Equal(["remedy.over_authority"], direct.ErrorCodes());
        Assert.Equal(0, direct.GetProperty("case").GetProperty("remedyCount").GetInt32());

        var requested = await agent.MutateAsync("requestRemedyApproval", new
        {
            caseId,
            kind = "REFUND",
            value = new { amount = 120m },
            reason = "Broken twice.",
        }, "approvalRequestId case { pendingApprovals approvalRequests { id status value { amount currency } requestedBy { name role } } }");
        var requestId = requested.GetProperty("approvalRequestId").GetString()!;
        Assert.Equal(1, requested.GetProperty("case").GetProperty("pendingApprovals").GetInt32());
        var pending = Assert.Single(requested.GetProperty("case").GetProperty("approvalRequests").EnumerateArray());
        Assert.Equal((requestId, "PENDING", 120m, "EUR", "Ann Lee"), (
            pending.Text("id"), pending.Text("status"), pending.GetProperty("value").GetProperty("amount").GetDecimal(),
            pending.Text("value", "currency"), pending.Text("requestedBy", "name")));

        var byRequester = await agent.TryMutateAsync("approveRemedy", new { caseId, requestId });
        Assert.Equal(["approval.by_requester"], byRequester.ErrorCodes());
        var resolveWhilePending = await agent.TryMutateAsync("resolveCase", new { caseId, resolution = "Refunded.", rootCause = "PRODUCT_DEFECT" });
        Assert.Equal(["case.approval_pending"], resolveWhilePending.ErrorCodes());

        var approved = await supervisor.MutateAsync("approveRemedy", new { caseId, requestId },
            "remedyId case { pendingApprovals refundTotal { amount } remedies { id kind value { amount } by { name role } approvalRequestId } approvalRequests { status decidedBy { name } remedyId } }");
        var remedyId = approved.GetProperty("remedyId").GetString();
        var theCase = approved.GetProperty("case");
        Assert.Equal(0, theCase.GetProperty("pendingApprovals").GetInt32());
        Assert.Equal(120m, theCase.GetProperty("refundTotal").GetProperty("amount").GetDecimal());
        var remedy = Assert.Single(theCase.GetProperty("remedies").EnumerateArray());
        Assert.Equal((remedyId, "REFUND", "Sam Boss", "SUPERVISOR", requestId), (
            remedy.Text("id"), remedy.Text("kind"), remedy.Text("by", "name"), remedy.Text("by", "role"), remedy.Text("approvalRequestId")));
        var decided = Assert.Single(theCase.GetProperty("approvalRequests").EnumerateArray());
        Assert.Equal(("APPROVED", "Sam Boss", remedyId), (decided.Text("status"), decided.Text("decidedBy", "name"), decided.Text("remedyId")));

        var twice = await supervisor.TryMutateAsync("approveRemedy", new { caseId, requestId });
        Assert.Equal(["approval.already_decided"], twice.ErrorCodes());
    }

    [Fact]
    public async Task ARequestAboveTheSupervisorsLimit_NeedsAManager_AndCanBeRejected()
    {
        using var scenario = new Scenario(host.Api);
        var caseId = await scenario.CaseAsync();
        using var supervisor = host.Api.ClientFor(ActorRoles.Supervisor, "Sam Boss");
        using var manager = host.Api.ClientFor(ActorRoles.Manager, "Mia Head");
        var requestId = (await scenario.Agent.MutateAsync("requestRemedyApproval", new
        {
            caseId,
            kind = "SERVICE_ADJUSTMENT",
            value = new { amount = 800m },
            reason = "Outage for a month.",
            adjustment = "Three months free.",
        }, "approvalRequestId")).Text("approvalRequestId");

        var overLimit = await supervisor.TryMutateAsync("approveRemedy", new { caseId, requestId });
        var rejected = await manager.MutateAsync("rejectRemedy", new { caseId, requestId, reason = "Covered by the outage credit already." }, "case { pendingApprovals remedyCount }");

        Assert.Equal(["approval.over_authority"], overLimit.ErrorCodes());
        Assert.Equal(0, rejected.GetProperty("case").GetProperty("pendingApprovals").GetInt32());
        Assert.Equal(0, rejected.GetProperty("case").GetProperty("remedyCount").GetInt32());
    }
}
