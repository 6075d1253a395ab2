using System.Globalization;
using Crm.Api.ReadModels;
using Crm.Domain.Cases;
using Crm.Domain.Customers;
using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private static void AddCustomerType(SchemaBuilder schema, CrmServices services)
    {
        schema.Type("Customer", t =>
        {
            t.Description("A customer and their relationship with customer service, as the customer profile read model holds it (current as of the last change).")
                .Implements("Node")
                .Computed<ObjectTypeBuilder, CustomerNode>("id", "ID!", "The customer's global id.", c => GlobalIds.Encode(NodeKind.Customer, c.Id))
                .Computed<ObjectTypeBuilder, CustomerNode>("customerId", "UUID!", "The customer's UUID, as events and streams (customer-{uuid}) name it.", c => c.Id)
                .Field("version", "Int!", f => f
                    .Description("The version of the customer's event stream (its number of events); pass it as expectedVersion so a change made from a stale screen is refused.")
                    .Resolver(ctx => ctx.Source is CustomerNode { Version: { } known }
                        ? new ValueTask<object?>(known)
                        : Map(new ValueTask<long>(Loaders.CustomerVersions(ctx, services).LoadAsync(((CustomerNode)ctx.Source!).Id)), v => v)))
                .FromProfile(services, "status", "CustomerStatus!", "Active, or Erased once the personal data was erased.", p => p.Status)
                .FromProfile(services, "name", "String!", "The customer's name (\"erased\" once erased).", p => p.Name)
                .FromProfile(services, "emails", "[String!]!", "E-mail addresses.", p => p.Emails)
                .FromProfile(services, "phones", "[String!]!", "Phone numbers.", p => p.Phones)
                .FromProfile(services, "address", "PostalAddress", "Postal address, if known.", p => p.Address)
                .FromProfile(services, "language", "String!", "Preferred language tag.", p => p.Language)
                .FromProfile(services, "segment", "Segment!", "Consumer, business or VIP.", p => p.Segment)
                .FromProfile(services, "acquiredThrough", "Channel!", "The channel the customer came through.", p => p.AcquiredThrough)
                .FromProfile(services, "preferences", "Preferences!", "How the customer wants to be served.",
                    p => new Preferences(p.PreferredChannel, p.Language, p.MarketingConsent, p.ContactHours))
                .FromProfile(services, "registeredAt", "DateTime!", "When the customer was registered.", p => p.RegisteredAt)
                .FromProfile(services, "erasedAt", "DateTime", "When the personal data was erased.", p => p.ErasedAt)
                .FromProfile(services, "products", "[Product!]!", "Products and subscriptions, by purchase date.", p => p.Products)
                .FromProfile(services, "stats", "CustomerStats!", "Service statistics.", p => p.Stats);
            t.Field("timeline", "TimelineConnection!", f => f
                .Description("Everything that happened with the customer — contacts, their cases' events, remedies, surveys, offers, changes of details — newest first, as a cursor connection (forward only).")
                .Argument("first", "Int", a => a.Description($"How many entries, 1 to {Args.MaxPageSize} (default {Args.DefaultPageSize})."))
                .Argument("after", "String", a => a.Description("The cursor of the entry to continue after."))
                .Argument("kinds", "[TimelineEntryKind!]", a => a.Description("Only entries of these kinds."))
                .Argument("from", "DateTime", a => a.Description("Only entries at or after this instant."))
                .Argument("to", "DateTime", a => a.Description("Only entries before this instant."))
                .Resolve(async ctx =>
                {
                    var customerId = ((CustomerNode)ctx.Source!).Id;
                    var page = Args.Page(ctx, backwardAllowed: false);
                    var filter = TimelineFilterOf(ctx);
                    var entries = await Args.Guard(() => services.Queries.TimelineAsync(customerId, filter, page.Size, page.Cursor, ctx.CancellationToken));
                    return Connections.From(entries, page.Cursor is not null, static e => e, ct => services.Reads.TimelineCountAsync(customerId, null, filter, ct));
                }));
            t.Field("cases", "CaseConnection!", f => f
                .Description("The customer's cases, newest opened first.")
                .Argument("status", "CaseStatus", a => a.Description("Only cases with this status."))
                .Argument("first", "Int", a => a.Description($"How many cases, 1 to {Args.MaxPageSize} (default {Args.DefaultPageSize}), forward from after."))
                .Argument("after", "String", a => a.Description("The cursor of the case to continue after."))
                .Argument("last", "Int", a => a.Description($"How many cases, 1 to {Args.MaxPageSize}, backward from before."))
                .Argument("before", "String", a => a.Description("The cursor of the case to continue before."))
                .Resolve(ctx => CaseListAsync(ctx, services, new CaseFilter
                {
                    CustomerId = ((CustomerNode)ctx.Source!).Id,
                    Status = Args.Struct<CaseStatus>(ctx, "status"),
                })));
        });
        schema.Type("CustomerStats", t => t
            .Description("A customer's service statistics.")
            .Prop("openCases", "Int!", "Cases open now (opened or reopened and not resolved).")
            .Computed<ObjectTypeBuilder, CustomerStats>("contacts", "Int!", "Contacts logged, on every channel.", s => s.ContactsTotal)
            .Prop("lastContactAt", "DateTime", "When the latest contact started.")
            .Prop("averageCsat", "Decimal", "The mean CSAT answer (1–5) of the customer's surveys; null without answers.")
            .Prop("lastNps", "Int", "The latest NPS answer (0–10).")
            .Prop("complaintsLast30Days", "Int!", "Complaints opened in the last 30 days.")
            .Computed<ObjectTypeBuilder, CustomerStats>("refunds", "[Money!]!", "Money refunded to the customer, one amount per currency.", s => s.RefundsTotal));

        AddConnection(schema, "Customer", "A page of customers.", edgeExtra: "How well the customer matches the search, from 0 to 1 (null when not searching).");

        schema.Query(q => q
            .Field("customer", "Customer", f => f
                .Description("The customer with this global id; null (with an error) when the id is malformed or unknown.")
                .Argument("id", "ID!", a => a.Description("The customer's global id."))
                .Resolve(async ctx => GlobalIds.TryDecode(Args.Get<string>(ctx, "id"), NodeKind.Customer, out var id)
                    ? await CustomerAsync(ctx, services, id)
                    : Refuse(ctx, GlobalIds.Problem(Args.Get<string>(ctx, "id"), NodeKind.Customer))))
            .Field("customers", "CustomerConnection!", f => f
                .Description($"Customers: the best matches of a search by name, e-mail or phone (typos tolerated, at most {ReadModelQueries.MaxSearchResults}), or else all customers newest registered first.")
                .Argument("search", "String", a => a.Description("A name, e-mail or phone number, or a part of one (at least 2 letters or digits)."))
                .Argument("segment", "Segment", a => a.Description("Only customers of this segment."))
                .Argument("first", "Int", a => a.Description($"How many customers, 1 to {Args.MaxPageSize} (default {Args.DefaultPageSize}), forward from after."))
                .Argument("after", "String", a => a.Description("The cursor of the customer to continue after."))
                .Argument("last", "Int", a => a.Description($"How many customers, 1 to {Args.MaxPageSize}, backward from before."))
                .Argument("before", "String", a => a.Description("The cursor of the customer to continue before."))
                .Resolve(ctx => CustomersAsync(ctx, services))));
    }

    private static TimelineFilter TimelineFilterOf(IResolverContext context)
    {
        var kinds = Args.Get<object?[]>(context, "kinds");
        var from = Args.Struct<DateTimeOffset>(context, "from");
        var to = Args.Struct<DateTimeOffset>(context, "to");
        if (kinds is { Length: 0 })
        {
            throw Args.BadInput("kinds is empty; leave it out to list every kind.");
        }
        if (from is { } f && to is { } t && t < f)
        {
            throw Args.BadInput($"The range ends ({t:O}) before it starts ({f:O}).");
        }
        return new TimelineFilter { Kinds = kinds?.Cast<string>().ToArray(), From = from, Before = to };
    }

    private static async Task<Connection<CustomerNode>> CustomersAsync(IResolverContext context, CrmServices services)
    {
        var page = Args.Page(context);
        var segment = Args.Struct<Segment>(context, "segment");
        if (Args.Text(context, "search") is not { } search)
        {
            var slice = await Args.Guard(() => services.Reads.CustomerListAsync(segment, page, context.CancellationToken));
            return Connections.From(slice, static id => new CustomerNode(id), ct => services.Reads.CustomerCountAsync(segment, ct));
        }
        // A search ranks at most MaxSearchResults matches; its pages are slices of that ranking.
        var matches = await Args.Guard(() => services.Queries.SearchCustomersAsync(search, ReadModelQueries.MaxSearchResults, context.CancellationToken));
        var ranked = segment is { } s ? matches.Where(m => m.Segment == s).ToList() : matches;
        int start, end;
        if (page.Backward)
        {
            end = page.Cursor is null ? ranked.Count : Math.Min(ranked.Count, SearchIndex(page.Cursor));
            start = Math.Max(0, end - page.Size);
        }
        else
        {
            start = page.Cursor is null ? 0 : Math.Min(ranked.Count, SearchIndex(page.Cursor) + 1);
            end = Math.Min(ranked.Count, start + page.Size);
        }
        var edges = new List<ConnectionEdge<CustomerNode>>();
        for (var i = start; i < end; i++)
        {
            edges.Add(new ConnectionEdge<CustomerNode>(
                new CustomerNode(ranked[i].Id), ListCursors.Encode("search", i.ToString(CultureInfo.InvariantCulture)), ranked[i].Score));
        }
        var total = ranked.Count;
        return Connections.Create(edges, end < total, start > 0, _ => Task.FromResult(total));
    }

    private static object? Refuse(IResolverContext context, string message)
    {
        context.ReportError(message, Crm.GraphQL.Execution.ErrorCodes.BadUserInput);
        return null;
    }

    private static async Task<Connection<CaseNode>> CaseListAsync(IResolverContext context, CrmServices services, CaseFilter filter)
    {
        var page = Args.Page(context);
        var slice = await Args.Guard(() => services.Reads.CaseListAsync(filter, page, context.CancellationToken));
        var cases = Loaders.Cases(context, services);
        foreach (var item in slice.Items)
        {
            cases.Prime(item.Node.Id, item.Node);
        }
        return Connections.From(slice, static c => new CaseNode(c.Id, c.Version), ct => services.Reads.CaseCountAsync(filter, ct));
    }

    private static int SearchIndex(string cursor) =>
        ListCursors.Decode("search", cursor, 1) is [var text]
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < ReadModelQueries.MaxSearchResults
            ? index
            : throw Args.BadInput($"'{cursor}' is not a cursor of a customer search; pass the cursor of a customer of a page of the same search.");
}
