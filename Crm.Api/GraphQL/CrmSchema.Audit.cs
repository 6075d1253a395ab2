using System.Globalization;
using System.Text.Json;
using Crm.Api.Application;
using Crm.Api.ReadModels;
using Crm.Domain.Cases;
using Crm.Domain.Customers;
using Crm.EventStore;
using Crm.GraphQL.Types;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private const string EventList = "event";

    private static void AddAudit(SchemaBuilder schema, CrmServices services)
    {
        schema.Type("StreamEvent", t => t
            .Description("An event as the store holds it, with all its metadata and its integrity hash.")
            .Computed<ObjectTypeBuilder, RecordedEvent>("eventId", "UUID!", "The event's id.", e => e.EventId)
            .Computed<ObjectTypeBuilder, RecordedEvent>("streamId", "String!", "Its stream.", e => e.StreamId)
            .Computed<ObjectTypeBuilder, RecordedEvent>("version", "Int!", "Its version in the stream (1 for the first).", e => e.Version.Value)
            .Computed<ObjectTypeBuilder, RecordedEvent>("position", "String!", "Its position in the whole store (a 64-bit number, as text).", e => e.Position.Value.ToString(CultureInfo.InvariantCulture))
            .Computed<ObjectTypeBuilder, RecordedEvent>("type", "String!", "The stable name it is stored under, e.g. case.opened.", e => e.TypeName)
            .Computed<ObjectTypeBuilder, RecordedEvent>("schemaVersion", "Int!", "The schema version it was stored with.", e => e.SchemaVersion)
            .Field("data", "String!", f => f
                .Description("The event's data as JSON (in its current schema version).")
                .Resolve(ctx => JsonSerializer.Serialize(((RecordedEvent)ctx.Source!).Data, ((RecordedEvent)ctx.Source!).Data.GetType(), services.EventJson)))
            .Computed<ObjectTypeBuilder, RecordedEvent>("metadata", "EventMetadata!", "Who, why and when.", e => e.Metadata)
            .Computed<ObjectTypeBuilder, RecordedEvent>("occurredAt", "DateTime!", "When the fact happened (business time).", e => e.OccurredAt)
            .Computed<ObjectTypeBuilder, RecordedEvent>("recordedAt", "DateTime!", "When the store recorded it (database clock).", e => e.RecordedAt)
            .Computed<ObjectTypeBuilder, RecordedEvent>("hash", "String!", "Its integrity hash (SHA-256 over the previous event's hash and its own canonical content), in lower-case hex.",
                e => Convert.ToHexStringLower(e.Hash.Span)));
        schema.Type("EventMetadata", t => t
            .Description("Who caused an event, why and when; covered by the event's hash.")
            .Prop("actorId", "String", "The id of the person or component that caused it.")
            .Prop("actorRole", "String", "The role they acted in.")
            .Prop("correlationId", "String", "Ties together everything one request or process caused (the X-Correlation-Id of the request).")
            .Prop("causationId", "String", "The id of what directly caused it (for API requests, the request's id).")
            .Prop("occurredAt", "DateTime", "When the fact happened in the business's world.")
            .Computed<ObjectTypeBuilder, EventMetadata>("headers", "[Header!]!", "Further headers, such as the command that caused it.",
                m => m.Headers?.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => new Header(h.Key, h.Value)).ToArray() ?? []));
        schema.Type("Header", t => t
            .Description("A named text value.")
            .Prop("name", "String!", "The header's name.")
            .Prop("value", "String!", "Its value."));
        AddConnection(schema, "StreamEvent", "A page of a stream's events, oldest first.");
        schema.Type("IntegrityReport", t => t
            .Description("The result of recomputing the hash chain of one stream or of the whole store.")
            .Computed<ObjectTypeBuilder, IntegrityReport>("intact", "Boolean!", "Whether nothing was found wrong.", r => r.IsIntact)
            .Prop("streamsChecked", "Int!", "Streams verified.")
            .Prop("eventsChecked", "Int!", "Events whose hashes were recomputed.")
            .Prop("violations", "[IntegrityViolation!]!", "The first problem found in each broken stream, by stream id."));
        schema.Type("IntegrityViolation", t => t
            .Description("The first thing found wrong in one stream.")
            .Prop("streamId", "String!", "The stream.")
            .Computed<ObjectTypeBuilder, IntegrityViolation>("version", "Int!", "The version of the first event that does not match (for a gap: the missing version).", v => v.Version.Value)
            .Computed<ObjectTypeBuilder, IntegrityViolation>("position", "String", "The position of the event found there, if any.", v => v.Position?.Value.ToString(CultureInfo.InvariantCulture))
            .Prop("kind", "IntegrityViolationKind!", "What is wrong.")
            .Prop("description", "String!", "A sentence for the auditor."));
        AddSnapshotTypes(schema);

        schema.Query(q => q
            .Field("streamEvents", "StreamEventConnection", f => f
                .Description("Auditors and Managers: the raw events of one stream, oldest first, with all metadata and hashes; null (with an error) when the stream does not exist.")
                .Argument("streamId", "ID!", a => a.Description("A stream id (customer-{uuid}, case-{uuid}, queue-{name}) or the global id of a Customer or Case."))
                .Argument("fromVersion", "Int", a => a.Description("The first version to return (default 1)."))
                .Argument("first", "Int", a => a.Description($"How many events, 1 to {Args.MaxPageSize} (default {Args.DefaultPageSize})."))
                .Argument("after", "String", a => a.Description("The cursor of the event to continue after (overrides fromVersion)."))
                .Resolve(ctx => StreamEventsAsync(ctx, services)))
            .Field("customerAsOf", "CustomerSnapshot", f => f
                .Description("Auditors and Managers: the customer as it was at a version or a moment, folded from the events (not from the read models). With both, the earlier state wins; with neither, the current state. Null (with an error) when the customer did not exist then.")
                .Argument("id", "ID!", a => a.Description("The customer's global id."))
                .Argument("at", "DateTime", a => a.Description("The moment: events recorded at or before it count."))
                .Argument("version", "Int", a => a.Description("The version: events up to it count (1 or more)."))
                .Resolve(async ctx =>
                {
                    RequestOrigin.RequireAuditor(ctx);
                    var id = Args.Id(ctx, "id", NodeKind.Customer);
                    var (version, at) = AsOf(ctx);
                    var folded = await services.Store.AggregateAsync(
                        CrmStreams.Customer(id), CustomerDecider.Initial, static (s, e) => CustomerDecider.Evolve(s, (CustomerEvent)e.Data), version, at, ctx.CancellationToken);
                    return folded.Version == StreamVersion.None
                        ? Refuse(ctx, $"Customer {GlobalIds.Encode(NodeKind.Customer, id)} has no events up to the version or moment given.", "NOT_FOUND")
                        : new CustomerSnapshot(folded.State, folded.Version.Value);
                }))
            .Field("caseAsOf", "CaseSnapshot", f => f
                .Description("Auditors and Managers: the case as it was at a version or a moment, folded from the events (not from the read models). With both, the earlier state wins; with neither, the current state. Null (with an error) when the case did not exist then.")
                .Argument("id", "ID!", a => a.Description("The case's global id."))
                .Argument("at", "DateTime", a => a.Description("The moment: events recorded at or before it count."))
                .Argument("version", "Int", a => a.Description("The version: events up to it count (1 or more)."))
                .Resolve(async ctx =>
                {
                    RequestOrigin.RequireAuditor(ctx);
                    var id = Args.Id(ctx, "id", NodeKind.Case);
                    var (version, at) = AsOf(ctx);
                    var folded = await services.Store.AggregateAsync(
                        CrmStreams.Case(id), CaseDecider.Initial, static (s, e) => CaseDecider.Evolve(s, (CaseEvent)e.Data), version, at, ctx.CancellationToken);
                    return folded.Version == StreamVersion.None
                        ? Refuse(ctx, $"Case {GlobalIds.Encode(NodeKind.Case, id)} has no events up to the version or moment given.", "NOT_FOUND")
                        : new CaseSnapshot(folded.State, folded.Version.Value);
                }))
            .Field("verifyIntegrity", "IntegrityReport!", f => f
                .Description("Auditors and Managers: recomputes the hash chain of one stream, or of every stream when none is given, and reports the first event that does not match in each broken stream.")
                .Argument("streamId", "ID", a => a.Description("A stream id or the global id of a Customer or Case; all streams when left out."))
                .Resolve(ctx =>
                {
                    RequestOrigin.RequireAuditor(ctx);
                    return Args.Text(ctx, "streamId") is { } stream
                        ? services.Store.VerifyStreamAsync(StreamIdOf(stream), ctx.CancellationToken)
                        : services.Store.VerifyAllAsync(ctx.CancellationToken);
                })));
    }

    private static async Task<Connection<RecordedEvent>?> StreamEventsAsync(IResolverContext context, CrmServices services)
    {
        RequestOrigin.RequireAuditor(context);
        var streamId = StreamIdOf(Args.Text(context, "streamId") ?? "");
        var page = Args.Page(context, backwardAllowed: false);
        long start = Args.Struct<int>(context, "fromVersion") ?? 1;
        if (start < 1)
        {
            throw Args.BadInput($"fromVersion must be 1 or more; {start} is not.");
        }
        if (page.Cursor is { } cursor)
        {
            start = ListCursors.Decode(EventList, cursor, 1) is [var text] && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var after) && after < long.MaxValue
                ? after + 1
                : throw Args.BadInput($"'{cursor}' is not a cursor of a stream's events; pass the cursor of an event of a page of streamEvents.");
        }
        var stream = await services.Store.GetStreamAsync(streamId, context.CancellationToken);
        if (stream is null)
        {
            return (Connection<RecordedEvent>?)Refuse(context, $"No stream '{streamId}' exists.", "NOT_FOUND");
        }
        var events = await services.Store.ReadStreamAsync(
            streamId, new ReadStreamOptions { FromVersion = new StreamVersion(start), MaxCount = page.Size }, context.CancellationToken);
        var edges = events.Events
            .Select(e => new ConnectionEdge<RecordedEvent>(e, ListCursors.Encode(EventList, e.Version.Value.ToString(CultureInfo.InvariantCulture))))
            .ToArray();
        var total = stream.Version.Value;
        return Connections.Create(edges, !events.IsEnd, start > 1, _ => Task.FromResult((int)Math.Min(total, int.MaxValue)));
    }

    /// <summary>A stream id as given, or the stream of a Customer's or Case's global id.</summary>
    private static string StreamIdOf(string value)
    {
        if (GlobalIds.TryDecode(value, out var kind, out var id))
        {
            return kind == NodeKind.Customer ? CrmStreams.Customer(id) : CrmStreams.Case(id);
        }
        if (value.Length is 0 or > 512 || value.Any(char.IsControl))
        {
            throw Args.BadInput("streamId must be a stream id of 1 to 512 characters without control characters (e.g. customer-{uuid}), or a global id.");
        }
        return value;
    }

    private static (StreamVersion? Version, DateTimeOffset? At) AsOf(IResolverContext context)
    {
        var version = Args.Struct<int>(context, "version");
        if (version is < 1)
        {
            throw Args.BadInput($"version must be 1 or more; {version} is not.");
        }
        return (version is { } v ? new StreamVersion(v) : null, Args.Struct<DateTimeOffset>(context, "at"));
    }

    private static object? Refuse(IResolverContext context, string message, string code)
    {
        context.ReportError(message, code);
        return null;
    }

    private sealed record Header(string Name, string Value);
}
