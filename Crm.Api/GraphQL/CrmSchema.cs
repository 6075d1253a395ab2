using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

/// <summary>
/// The CRM's GraphQL schema, built code-first once per process. Resolvers close over the
/// <see cref="CrmServices"/> singletons; nested objects are loaded through the request's
/// DataLoaders, so the number of reads of a request does not grow with the size of its lists.
/// </summary>
internal static partial class CrmSchema
{
    public static Schema Build(CrmServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var schema = new SchemaBuilder()
            .Description("""
                The customer record service: every customer's relationship with customer service — contacts on every channel,
                cases, remedies, surveys, offers and changes of details — as an event log with read models on top.
                Every request needs a bearer token (Authorization: Bearer <token>). Ids of customers and cases are opaque
                global ids (the Node interface); ids of people, products, offers, remedies, approvals and follow-ups are UUIDs.
                """)
            .Scalar(ScalarType.DateTime)
            .Scalar(ScalarType.Date)
            .Scalar(ScalarType.Decimal)
            .Scalar(ScalarType.Uuid);
        schema.Query(q => q.Description("What can be read: customers, cases and their timelines; trends, KPIs and agent performance; and, for Auditors and Managers, the raw event log, past states and integrity reports. Every role may read."));
        schema.Mutation(m => m.Description("What can be changed, one command per mutation. Agents, Supervisors and Managers may change records within their authority; Auditors and Services are refused with auth.forbidden. A refused change writes nothing."));
        AddEnums(schema);
        AddCommonTypes(schema);
        AddNodes(schema, services);
        AddCustomerType(schema, services);
        AddCaseType(schema, services);
        AddTimeline(schema);
        AddAnalytics(schema, services);
        AddAudit(schema, services);
        AddMutations(schema, services);
        return schema.Build();
    }

    /// <summary>A field read from the parent value's property of the same name.</summary>
    private static TBuilder Prop<TBuilder>(this TBuilder type, string name, string graphType, string description)
        where TBuilder : ComplexTypeBuilder<TBuilder> =>
        type.Field(name, graphType, f => f.Description(description));

    /// <summary>A field computed synchronously from the parent value.</summary>
    private static TBuilder Computed<TBuilder, TSource>(this TBuilder type, string name, string graphType, string description, Func<TSource, object?> value)
        where TBuilder : ComplexTypeBuilder<TBuilder> =>
        type.Field(name, graphType, f => f.Description(description).Resolve(ctx => value((TSource)ctx.Source!)));

    /// <summary>A customer field read from the customer's profile (loaded once per request for all customers asked for).</summary>
    private static ObjectTypeBuilder FromProfile(this ObjectTypeBuilder type, CrmServices services, string name, string graphType, string description, Func<CustomerProfile, object?> value) =>
        type.Field(name, graphType, f => f.Description(description).Resolver(ctx => Map(Loaders.ProfileOf(ctx, services), value)));

    /// <summary>A case field read from the case's read-model row (loaded once per request for all cases asked for).</summary>
    private static ObjectTypeBuilder FromView(this ObjectTypeBuilder type, CrmServices services, string name, string graphType, string description, Func<CaseView, object?> value) =>
        type.Field(name, graphType, f => f.Description(description).Resolver(ctx => Map(Loaders.ViewOf(ctx, services), value)));

    private static ValueTask<object?> Map<T>(ValueTask<T> task, Func<T, object?> pick) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>(pick(task.Result)) : MapSlowly(task, pick);

    private static async ValueTask<object?> MapSlowly<T>(ValueTask<T> task, Func<T, object?> pick) => pick(await task);

    private static long? Seconds(TimeSpan? span) => span is { } s ? (long)s.TotalSeconds : null;

    /// <summary>Adds the Relay connection and edge types of a node type.</summary>
    private static void AddConnection(SchemaBuilder schema, string node, string description, bool withCount = true, string? edgeExtra = null, string? connection = null)
    {
        var list = connection ?? node;
        schema.Type($"{list}Edge", t =>
        {
            t.Description($"One {node} of a page of a {list}Connection, with its cursor.")
                .Prop("node", $"{node}!", $"The {node}.")
                .Prop("cursor", "String!", "Pass it as after (or before) to get the items that follow (or precede) this one.");
            if (edgeExtra is not null)
            {
                t.Prop("score", "Float", edgeExtra);
            }
        });
        schema.Type($"{list}Connection", t =>
        {
            t.Description(description)
                .Prop("edges", $"[{list}Edge!]!", "The items of the page with their cursors.")
                .Prop("nodes", $"[{node}!]!", "The items of the page, without cursors.")
                .Prop("pageInfo", "PageInfo!", "Whether there are more items and the cursors to get them.");
            if (withCount)
            {
                t.Field("totalCount", "Int!", f => f
                    .Description("How many items the whole list holds (all pages); counted only when asked for.")
                    .Resolve(ctx => ctx.Source is ICountedList { Count: { } count } ? count(ctx.CancellationToken) : Task.FromResult(0)));
            }
        });
    }
}
