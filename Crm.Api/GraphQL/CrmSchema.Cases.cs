using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private static void AddCaseType(SchemaBuilder schema, CrmServices services)
    {
        schema.Type("Case", t =>
        {
            t.Description("An inquiry, complaint or technical issue of a customer, as the case read model holds it (current as of the last change).")
                .Implements("Node")
                .Computed<ObjectTypeBuilder, CaseNode>("id", "ID!", "The case's global id.", c => GlobalIds.Encode(NodeKind.Case, c.Id))
                .Computed<ObjectTypeBuilder, CaseNode>("caseId", "UUID!", "The case's UUID, as events and streams (case-{uuid}) name it.", c => c.Id)
                .Field("version", "Int!", f => f
                    .Description("The version of the case's event stream (its number of events); pass it as expectedVersion so a change made from a stale screen is refused.")
                    .Resolver(ctx => ctx.Source is CaseNode { Version: { } known }
                        ? new ValueTask<object?>(known)
                        : Map(Loaders.ViewOf(ctx, services), v => v.Version ?? 0)))
                .FromView(services, "customer", "Customer!", "The customer the case belongs to.", v => new CustomerNode(v.CustomerId))
                .FromView(services, "status", "CaseStatus!", "Open, resolved or closed.", v => v.Status)
                .FromView(services, "kind", "CaseKind!", "Inquiry, complaint or technical issue.", v => v.Kind)
                .FromView(services, "category", "CaseCategory!", "What the case is about.", v => v.Category)
                .FromView(services, "priority", "Priority!", "How urgent it is.", v => v.Priority)
                .FromView(services, "channel", "Channel!", "The channel it came through.", v => v.Channel)
                .FromView(services, "subject", "String!", "The subject (\"erased\" once the customer's data is erased).", v => v.Subject)
                .FromView(services, "currency", "String!", "The currency of its remedies.", v => v.Currency)
                .FromView(services, "openedAt", "DateTime!", "When it was opened.", v => v.OpenedAt)
                .FromView(services, "openedById", "UUID!", "Who opened it.", v => v.OpenedById)
                .FromView(services, "openedByName", "String!", "The name of who opened it.", v => v.OpenedByName)
                .FromView(services, "assignee", "Assignment", "Who it is assigned to, if anyone.",
                    v => v.AssigneeAgentId is null && v.AssigneeTeam is null ? null : new Assignee(v.AssigneeAgentId, v.AssigneeTeam))
                .FromView(services, "escalationTier", "EscalationTier", "The highest tier it was escalated to.", v => v.EscalationTier)
                .FromView(services, "escalationDepartment", "Department", "The department it was last escalated to.", v => v.EscalationDepartment)
                .FromView(services, "escalationCount", "Int!", "How often it was escalated.", v => v.Escalations)
                .FromView(services, "remedyCount", "Int!", "How many remedies were issued.", v => v.Remedies)
                .FromView(services, "remedyTotal", "Money!", "The total value of its remedies.", v => new Money(v.RemedyTotal, v.Currency))
                .FromView(services, "refundTotal", "Money!", "The refunded part of it.", v => new Money(v.RefundTotal, v.Currency))
                .FromView(services, "pendingApprovals", "Int!", "Remedy approval requests waiting for a decision.", v => v.PendingApprovals)
                .FromView(services, "noteCount", "Int!", "How many notes were added.", v => v.Notes)
                .FromView(services, "openFollowUps", "Int!", "Follow-ups not done yet.", v => v.OpenFollowUps)
                .FromView(services, "contacts", "Int!", "Customer contacts logged with the case.", v => v.Contacts)
                .FromView(services, "sla", "CaseSla!", "Its SLA clocks.", v => v)
                .FromView(services, "firstResponseAt", "DateTime", "When the customer first got a response.", v => v.FirstResponseAt)
                .FromView(services, "firstResponseSeconds", "Int", "Seconds from opening to the first response.", v => Seconds(v.FirstResponseTime))
                .FromView(services, "firstResolvedAt", "DateTime", "When it was first resolved.", v => v.FirstResolvedAt)
                .FromView(services, "firstResolutionSeconds", "Int", "Seconds from opening to the first resolution (what the resolution SLA measures).", v => Seconds(v.FirstResolutionTime))
                .FromView(services, "resolvedAt", "DateTime", "When it was resolved; null while open (also after a reopening).", v => v.ResolvedAt)
                .FromView(services, "resolutionSeconds", "Int", "Seconds from opening to the current resolution.", v => Seconds(v.ResolutionTime))
                .FromView(services, "rootCause", "RootCause", "The root cause given at the latest resolution.", v => v.RootCause)
                .FromView(services, "closedAt", "DateTime", "When it was closed.", v => v.ClosedAt)
                .FromView(services, "reopenCount", "Int!", "How often it was reopened.", v => v.ReopenCount)
                .FromView(services, "fcr", "Boolean!", "First contact resolution: resolved with exactly one customer contact and never reopened.", v => v.Fcr)
                .FromView(services, "csat", "Int", "The survey's CSAT answer (1–5).", v => v.Csat)
                .FromView(services, "nps", "Int", "The survey's NPS answer (0–10).", v => v.Nps)
                .FromView(services, "satisfactionAt", "DateTime", "When the survey was answered.", v => v.SatisfactionAt)
                .FromView(services, "lastEventAt", "DateTime", "When its latest event happened.", v => v.LastEventAt)
                .Field("escalations", "[Escalation!]!", f => f
                    .Description("Its escalations, oldest first.")
                    .Resolve(ctx => Loaders.Escalations(ctx, services).LoadAsync(((CaseNode)ctx.Source!).Id)))
                .Field("remedies", "[Remedy!]!", f => f
                    .Description("The remedies issued on it, oldest first.")
                    .Resolve(ctx => Loaders.Remedies(ctx, services).LoadAsync(((CaseNode)ctx.Source!).Id)))
                .Field("approvalRequests", "[ApprovalRequest!]!", f => f
                    .Description("Its remedy approval requests and their decisions, oldest first. Read from the case's events (one stream read per case): meant for a case's detail view.")
                    .Resolve(async ctx => (await Loaders.CaseStates(ctx, services).LoadAsync(((CaseNode)ctx.Source!).Id))?.Approvals.Values
                        .OrderBy(a => a.RequestedAt).ThenBy(a => a.Id).ToArray() ?? []));
            t.Field("timeline", "TimelineConnection!", f => f
                .Description("The case's own events and the contacts linked to it, newest first, as a cursor connection.")
                .Argument("first", "Int", a => a.Description($"How many entries, 1 to {Args.MaxPageSize} (default {Args.DefaultPageSize}), forward from after."))
                .Argument("after", "String", a => a.Description("The cursor of the entry to continue after."))
                .Argument("last", "Int", a => a.Description($"How many entries, 1 to {Args.MaxPageSize}, backward from before."))
                .Argument("before", "String", a => a.Description("The cursor of the entry to continue before."))
                .Argument("kinds", "[TimelineEntryKind!]", a => a.Description("Only entries of these kinds."))
                .Argument("from", "DateTime", a => a.Description("Only entries at or after this instant."))
                .Argument("to", "DateTime", a => a.Description("Only entries before this instant."))
                .Resolve(async ctx =>
                {
                    var page = Args.Page(ctx);
                    var filter = TimelineFilterOf(ctx);
                    var view = await Loaders.ViewOf(ctx, services);
                    var slice = await Args.Guard(() => services.Reads.CaseTimelineAsync(view.CustomerId, view.Id, filter, page, ctx.CancellationToken));
                    return Connections.From(slice, static e => e, ct => services.Reads.TimelineCountAsync(view.CustomerId, view.Id, filter, ct));
                }));
        });
        schema.Type("Assignment", t => t
            .Description("Who a case is assigned to.")
            .Prop("agentId", "UUID", "The agent, if assigned to one.")
            .Prop("team", "String", "The team, if assigned to one."));
        schema.Type("CaseSla", t => t
            .Description("A case's two SLA clocks; the due times were fixed from the SLA policy when the case was opened.")
            .Computed<ObjectTypeBuilder, CaseView>("firstResponseDue", "DateTime!", "When the first response is due.", v => v.FirstResponseDue)
            .Computed<ObjectTypeBuilder, CaseView>("resolutionDue", "DateTime!", "When the (first) resolution is due.", v => v.ResolutionDue)
            .Computed<ObjectTypeBuilder, CaseView>("firstResponse", "SlaStatus!", "Where the first-response clock stands.", v => v.FirstResponseSla)
            .Computed<ObjectTypeBuilder, CaseView>("resolution", "SlaStatus!", "Where the resolution clock stands.", v => v.ResolutionSla));
        schema.Type("Escalation", t => t
            .Description("One escalation of a case.")
            .Prop("at", "DateTime!", "When.")
            .Prop("tier", "EscalationTier", "The tier escalated to, if any.")
            .Prop("department", "Department", "The department escalated to, if any.")
            .Prop("reason", "String!", "Why.")
            .Computed<ObjectTypeBuilder, CaseEscalationView>("by", "Actor!", "Who escalated.", e => ActorOf(e.ById, e.ByName, e.ByRole)));
        schema.Type("Remedy", t => t
            .Description("A remedy issued on a case.")
            .Computed<ObjectTypeBuilder, CaseRemedyView>("id", "UUID!", "The remedy's id.", r => r.RemedyId)
            .Prop("kind", "RemedyKind!", "Refund, exchange or service adjustment.")
            .Prop("value", "Money!", "The amount or value.")
            .Prop("at", "DateTime!", "When it was issued.")
            .Computed<ObjectTypeBuilder, CaseRemedyView>("by", "Actor!", "Who issued it (the approver, when approved).", r => ActorOf(r.ById, r.ByName, r.ByRole))
            .Prop("approvalRequestId", "UUID", "The approval request it was issued by, if any."));
        schema.Type("ApprovalRequest", t => t
            .Description("A request to approve a remedy above the requester's authority, and its decision.")
            .Prop("id", "UUID!", "The request's id; pass it to approveRemedy or rejectRemedy.")
            .Computed<ObjectTypeBuilder, ApprovalRequest>("kind", "RemedyKind!", "The remedy asked for.", a => a.Remedy.Kind)
            .Computed<ObjectTypeBuilder, ApprovalRequest>("value", "Money!", "Its amount or value.", a => a.Remedy.Value)
            .Computed<ObjectTypeBuilder, ApprovalRequest>("reason", "String!", "Why the remedy is due.", a => a.Remedy.Reason)
            .Computed<ObjectTypeBuilder, ApprovalRequest>("returnedSku", "String", "For an exchange: the SKU returned.", a => a.Remedy.ReturnedSku)
            .Computed<ObjectTypeBuilder, ApprovalRequest>("replacementSku", "String", "For an exchange: the replacement SKU.", a => a.Remedy.ReplacementSku)
            .Computed<ObjectTypeBuilder, ApprovalRequest>("adjustment", "String", "For a service adjustment: what is adjusted.", a => a.Remedy.Adjustment)
            .Prop("requestedBy", "Actor!", "Who asked.")
            .Prop("requestedAt", "DateTime!", "When.")
            .Prop("status", "ApprovalStatus!", "Pending, approved or rejected.")
            .Prop("decidedBy", "Actor", "Who decided.")
            .Prop("decidedAt", "DateTime", "When it was decided.")
            .Prop("remedyId", "UUID", "The remedy issued when it was approved."));

        AddConnection(schema, "Case", "A page of cases.");

        schema.Query(q => q
            .Field("case", "Case", f => f
                .Description("The case with this global id; null (with an error) when the id is malformed or unknown.")
                .Argument("id", "ID!", a => a.Description("The case's global id."))
                .Resolve(async ctx => GlobalIds.TryDecode(Args.Get<string>(ctx, "id"), NodeKind.Case, out var id)
                    ? await CaseAsync(ctx, services, id)
                    : Refuse(ctx, GlobalIds.Problem(Args.Get<string>(ctx, "id"), NodeKind.Case))))
            .Field("cases", "CaseConnection!", f => f
                .Description("Cases matching every filter given, newest opened first.")
                .Argument("status", "CaseStatus", a => a.Description("Only cases with this status."))
                .Argument("kind", "CaseKind", a => a.Description("Only cases of this kind."))
                .Argument("category", "CaseCategory", a => a.Description("Only cases of this category."))
                .Argument("assigneeId", "UUID", a => a.Description("Only cases assigned to this agent."))
                .Argument("customerId", "ID", a => a.Description("Only cases of this customer (the customer's global id)."))
                .Argument("openedFrom", "DateTime", a => a.Description("Only cases opened at or after this instant."))
                .Argument("openedTo", "DateTime", a => a.Description("Only cases opened before this instant."))
                .Argument("first", "Int", a => a.Description($"How many cases, 1 to {Args.MaxPageSize} (default {Args.DefaultPageSize}), forward from after."))
                .Argument("after", "String", a => a.Description("The cursor of the case to continue after."))
                .Argument("last", "Int", a => a.Description($"How many cases, 1 to {Args.MaxPageSize}, backward from before."))
                .Argument("before", "String", a => a.Description("The cursor of the case to continue before."))
                .Resolve(ctx =>
                {
                    var from = Args.Struct<DateTimeOffset>(ctx, "openedFrom");
                    var to = Args.Struct<DateTimeOffset>(ctx, "openedTo");
                    if (from is { } f && to is { } t && t < f)
                    {
                        throw Args.BadInput($"openedTo ({t:O}) is before openedFrom ({f:O}).");
                    }
                    return CaseListAsync(ctx, services, new CaseFilter
                    {
                        Status = Args.Struct<CaseStatus>(ctx, "status"),
                        Kind = Args.Struct<CaseKind>(ctx, "kind"),
                        Category = Args.Struct<CaseCategory>(ctx, "category"),
                        AssigneeAgentId = Args.Struct<Guid>(ctx, "assigneeId"),
                        CustomerId = Args.OptionalId(ctx, "customerId", NodeKind.Customer),
                        OpenedFrom = from,
                        OpenedBefore = to,
                    });
                })));
    }
}
