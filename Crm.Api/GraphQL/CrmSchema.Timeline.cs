using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private static void AddTimeline(SchemaBuilder schema)
    {
        schema.Type("TimelineEntry", t => t
            .Description("One thing that happened in a customer's relationship with the service: one event of the customer or of one of their cases.")
            .Prop("at", "DateTime!", "When it happened (business time).")
            .Prop("kind", "TimelineEntryKind!", "What happened: the event's name.")
            .Prop("title", "String!", "A short title without personal data.")
            .Prop("summary", "String!", "One line of detail (\"erased\" once the customer's data is erased).")
            .Computed<ObjectTypeBuilder, TimelineEntry>("actor", "Actor!", "Who did it.", e => ActorOf(e.ActorId, e.ActorName, e.ActorRole))
            .Prop("channel", "Channel", "The channel, for contacts, case openings, follow-ups and registrations.")
            .Field("case", "Case", f => f
                .Description("The case the entry belongs to or is linked to, if any.")
                .Resolve(ctx => ((TimelineEntry)ctx.Source!).CaseId is { } caseId ? new CaseNode(caseId) : null))
            .Prop("streamId", "String!", "The event's stream (customer-{uuid}, case-{uuid} or queue-{name}); auditors read it with streamEvents.")
            .Prop("streamVersion", "Int!", "The event's version in its stream."));
        AddConnection(schema, "TimelineEntry", "A page of a customer's or a case's timeline, newest first.", connection: "Timeline");
    }
}
