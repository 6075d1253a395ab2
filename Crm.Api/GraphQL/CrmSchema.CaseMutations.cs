using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.GraphQL.Types;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private static void AddCaseMutations(SchemaBuilder schema, CrmServices services)
    {
        Mutation(schema, services, "openCase",
            "Opens a case for a registered customer; its SLA due times follow from its priority.",
            Target.Case,
            i => i.CustomerIdField()
                .Field("caseId", "UUID", f => f.Description("The case's UUID, for idempotent retries; a new one when left out."))
                .Field("kind", "CaseKind!", f => f.Description("Inquiry, complaint or technical issue."))
                .Field("category", "CaseCategory!", f => f.Description("What it is about."))
                .Field("priority", "Priority", f => f.Description("How urgent it is (NORMAL when left out).").DefaultLiteral("NORMAL"))
                .Field("channel", "Channel!", f => f.Description("The channel it came through (opening during a live Phone, Chat or in-person contact is a first response)."))
                .Field("subject", "String!", f => f.Description("The subject."))
                .Field("description", "String!", f => f.Description("What the customer reports."))
                .Field("currency", "String!", f => f.Description("The currency of its remedies, e.g. EUR.")),
            r => new OpenCaseInput(
                r.Id("customerId", NodeKind.Customer), r.Enum<CaseKind>("kind"), r.Enum<CaseCategory>("category"), r.OptionalEnum<Priority>("priority") ?? Priority.Normal,
                r.Enum<Channel>("channel"), r.Text("subject"), r.Text("description"), r.Text("currency"))
            { CaseId = r.Uuid("caseId") },
            (c, ctx, input, ct) => c.OpenCaseAsync(ctx, input, ct));

        Mutation(schema, services, "assignCase",
            "Assigns a case to an agent and/or a team (an Agent assigns only to themselves or a team).",
            Target.Case,
            i => i.CaseIdField()
                .Field("agentId", "UUID", f => f.Description("The agent."))
                .Field("team", "String", f => f.Description("The team.")),
            r => new AssignCaseInput(r.Id("caseId", NodeKind.Case), r.Uuid("agentId"), r.OptionalText("team")),
            (c, ctx, input, ct) => c.AssignCaseAsync(ctx, input, ct));

        Mutation(schema, services, "escalateCase",
            "Escalates an open case to a higher tier (above the case's and your own) and/or a department.",
            Target.Case,
            i => i.CaseIdField()
                .Field("tier", "EscalationTier", f => f.Description("The tier."))
                .Field("department", "Department", f => f.Description("The department."))
                .Field("reason", "String!", f => f.Description("Why.")),
            r => new EscalateCaseInput(r.Id("caseId", NodeKind.Case), r.OptionalEnum<EscalationTier>("tier"), r.OptionalEnum<Department>("department"), r.Text("reason")),
            (c, ctx, input, ct) => c.EscalateCaseAsync(ctx, input, ct));

        Mutation(schema, services, "addCaseNote",
            "Adds a note to a case that is not closed (a customer-facing note is a response to the customer).",
            Target.Case,
            i => i.CaseIdField()
                .Field("text", "String!", f => f.Description("The note."))
                .Field("visibility", "NoteVisibility", f => f.Description("Internal (default) or customer-facing.").DefaultLiteral("INTERNAL")),
            r => new AddCaseNoteInput(r.Id("caseId", NodeKind.Case), r.Text("text"), r.OptionalEnum<NoteVisibility>("visibility") ?? NoteVisibility.Internal),
            (c, ctx, input, ct) => c.AddCaseNoteAsync(ctx, input, ct));

        const string Remedy = " Within your authority only: the case's remedies including this one must stay within your role's limit (Crm:Authority); above it, use requestRemedyApproval.";
        Mutation(schema, services, "issueRefund",
            "Refunds money on a case that is not closed." + Remedy,
            Target.Case,
            i => i.CaseIdField()
                .Field("remedyId", "UUID", f => f.Description("The remedy's UUID; a new one when left out."))
                .Field("amount", "MoneyInput!", f => f.Description("How much (in the case's currency)."))
                .Field("reason", "String!", f => f.Description("Why.")),
            r => new IssueRefundInput(r.Id("caseId", NodeKind.Case), MoneyOf(r.Object("amount"))!, r.Text("reason")) { RemedyId = r.Uuid("remedyId") },
            (c, ctx, input, ct) => c.IssueRefundAsync(ctx, input, ct),
            ("remedyId", "The refund's UUID."));

        Mutation(schema, services, "arrangeExchange",
            "Arranges a replacement product on a case that is not closed." + Remedy,
            Target.Case,
            i => i.CaseIdField()
                .Field("remedyId", "UUID", f => f.Description("The remedy's UUID; a new one when left out."))
                .Field("returnedSku", "String!", f => f.Description("The SKU the customer returns."))
                .Field("replacementSku", "String!", f => f.Description("The SKU they get instead."))
                .Field("value", "MoneyInput!", f => f.Description("The exchange's value (in the case's currency)."))
                .Field("reason", "String!", f => f.Description("Why.")),
            r => new ArrangeExchangeInput(r.Id("caseId", NodeKind.Case), r.Text("returnedSku"), r.Text("replacementSku"), MoneyOf(r.Object("value"))!, r.Text("reason"))
            { RemedyId = r.Uuid("remedyId") },
            (c, ctx, input, ct) => c.ArrangeExchangeAsync(ctx, input, ct),
            ("remedyId", "The exchange's UUID."));

        Mutation(schema, services, "adjustService",
            "Adjusts the customer's service (a credit, an upgrade …) on a case that is not closed." + Remedy,
            Target.Case,
            i => i.CaseIdField()
                .Field("remedyId", "UUID", f => f.Description("The remedy's UUID; a new one when left out."))
                .Field("adjustment", "String!", f => f.Description("What is adjusted."))
                .Field("value", "MoneyInput!", f => f.Description("The adjustment's value (in the case's currency)."))
                .Field("reason", "String!", f => f.Description("Why.")),
            r => new AdjustServiceInput(r.Id("caseId", NodeKind.Case), r.Text("adjustment"), MoneyOf(r.Object("value"))!, r.Text("reason")) { RemedyId = r.Uuid("remedyId") },
            (c, ctx, input, ct) => c.AdjustServiceAsync(ctx, input, ct),
            ("remedyId", "The adjustment's UUID."));

        Mutation(schema, services, "requestRemedyApproval",
            "Asks someone with a higher limit to approve a remedy above your authority (only when it is above it).",
            Target.Case,
            i => i.CaseIdField()
                .Field("requestId", "UUID", f => f.Description("The request's UUID; a new one when left out."))
                .Field("kind", "RemedyKind!", f => f.Description("The remedy asked for."))
                .Field("value", "MoneyInput!", f => f.Description("Its amount or value (in the case's currency)."))
                .Field("reason", "String!", f => f.Description("Why it is due."))
                .Field("returnedSku", "String", f => f.Description("For an exchange: the SKU returned."))
                .Field("replacementSku", "String", f => f.Description("For an exchange: the replacement SKU."))
                .Field("adjustment", "String", f => f.Description("For a service adjustment: what is adjusted.")),
            r => new RequestRemedyApprovalInput(
                r.Id("caseId", NodeKind.Case), r.Enum<RemedyKind>("kind"), MoneyOf(r.Object("value"))!, r.Text("reason"),
                r.OptionalText("returnedSku"), r.OptionalText("replacementSku"), r.OptionalText("adjustment"))
            { RequestId = r.Uuid("requestId") },
            (c, ctx, input, ct) => c.RequestRemedyApprovalAsync(ctx, input, ct),
            ("approvalRequestId", "The approval request's UUID; pass it to approveRemedy or rejectRemedy."));

        Mutation(schema, services, "approveRemedy",
            "Approves a pending remedy request, which issues the remedy (not by the requester; the case's remedies must stay within your own limit).",
            Target.Case,
            i => i.CaseIdField()
                .Field("requestId", "UUID!", f => f.Description("The approval request."))
                .Field("remedyId", "UUID", f => f.Description("The issued remedy's UUID; a new one when left out.")),
            r => new ApproveRemedyInput(r.Id("caseId", NodeKind.Case), r.RequiredUuid("requestId")) { RemedyId = r.Uuid("remedyId") },
            (c, ctx, input, ct) => c.ApproveRemedyAsync(ctx, input, ct),
            ("remedyId", "The issued remedy's UUID."));

        Mutation(schema, services, "rejectRemedy",
            "Rejects a pending remedy request (not by the requester).",
            Target.Case,
            i => i.CaseIdField()
                .Field("requestId", "UUID!", f => f.Description("The approval request."))
                .Field("reason", "String!", f => f.Description("Why.")),
            r => new RejectRemedyInput(r.Id("caseId", NodeKind.Case), r.RequiredUuid("requestId"), r.Text("reason")),
            (c, ctx, input, ct) => c.RejectRemedyAsync(ctx, input, ct));

        Mutation(schema, services, "resolveCase",
            "Resolves an open case with no pending approval (a complaint needs a known root cause).",
            Target.Case,
            i => i.CaseIdField()
                .Field("resolution", "String!", f => f.Description("How it was resolved."))
                .Field("rootCause", "RootCause!", f => f.Description("Why it happened (not UNKNOWN for a complaint).")),
            r => new ResolveCaseInput(r.Id("caseId", NodeKind.Case), r.Text("resolution"), r.Enum<RootCause>("rootCause")),
            (c, ctx, input, ct) => c.ResolveCaseAsync(ctx, input, ct));

        Mutation(schema, services, "reopenCase",
            "Reopens a resolved case.",
            Target.Case,
            i => i.CaseIdField()
                .Field("reason", "String!", f => f.Description("Why.")),
            r => new ReopenCaseInput(r.Id("caseId", NodeKind.Case), r.Text("reason")),
            (c, ctx, input, ct) => c.ReopenCaseAsync(ctx, input, ct));

        Mutation(schema, services, "scheduleFollowUp",
            "Schedules a follow-up with the customer on a case that is not closed.",
            Target.Case,
            i => i.CaseIdField()
                .Field("followUpId", "UUID", f => f.Description("The follow-up's UUID; a new one when left out."))
                .Field("dueAt", "DateTime!", f => f.Description("When it is due (later than now)."))
                .Field("channel", "Channel!", f => f.Description("How the customer is to be contacted."))
                .Field("note", "String", f => f.Description("What to follow up on.")),
            r => new ScheduleFollowUpInput(r.Id("caseId", NodeKind.Case), r.Time("dueAt"), r.Enum<Channel>("channel"), r.OptionalText("note")) { FollowUpId = r.Uuid("followUpId") },
            (c, ctx, input, ct) => c.ScheduleFollowUpAsync(ctx, input, ct),
            ("followUpId", "The follow-up's UUID; pass it to completeFollowUp."));

        Mutation(schema, services, "completeFollowUp",
            "Records that a scheduled follow-up took place.",
            Target.Case,
            i => i.CaseIdField()
                .Field("followUpId", "UUID!", f => f.Description("The follow-up."))
                .Field("customerSatisfied", "Boolean!", f => f.Description("Whether the customer was satisfied."))
                .Field("note", "String", f => f.Description("What came of it.")),
            r => new CompleteFollowUpInput(r.Id("caseId", NodeKind.Case), r.RequiredUuid("followUpId"), r.Bool("customerSatisfied"), r.OptionalText("note")),
            (c, ctx, input, ct) => c.CompleteFollowUpAsync(ctx, input, ct));

        Mutation(schema, services, "recordSatisfaction",
            "Records the customer's survey answer for a resolved or closed case (once per case).",
            Target.Case,
            i => i.CaseIdField()
                .Field("csat", "Int", f => f.Description("Customer satisfaction, 1 to 5."))
                .Field("nps", "Int", f => f.Description("How likely they are to recommend the service, 0 to 10."))
                .Field("comment", "String", f => f.Description("What they wrote.")),
            r => new RecordSatisfactionInput(r.Id("caseId", NodeKind.Case), r.OptionalInt("csat"), r.OptionalInt("nps"), r.OptionalText("comment")),
            (c, ctx, input, ct) => c.RecordSatisfactionAsync(ctx, input, ct));

        Mutation(schema, services, "closeCase",
            "Closes a resolved case with no pending approval and no open follow-up; it cannot change afterwards.",
            Target.Case,
            i => i.CaseIdField(),
            r => new CloseCaseInput(r.Id("caseId", NodeKind.Case)),
            (c, ctx, input, ct) => c.CloseCaseAsync(ctx, input, ct));
    }
}
