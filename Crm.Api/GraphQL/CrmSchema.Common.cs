using System.Globalization;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.GraphQL.Types;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private static void AddCommonTypes(SchemaBuilder schema)
    {
        schema.Type("PageInfo", t => t
            .Description("Where a page sits in its list (Relay cursor connections).")
            .Prop("hasNextPage", "Boolean!", "Whether items follow the page's last item.")
            .Prop("hasPreviousPage", "Boolean!", "Whether items precede the page's first item.")
            .Prop("startCursor", "String", "The cursor of the page's first item; pass it as before to page backward.")
            .Prop("endCursor", "String", "The cursor of the page's last item; pass it as after to page forward."));
        schema.Type("Actor", t => t
            .Description("A person or component that did something, as recorded.")
            .Prop("id", "UUID!", "The actor's id (the subject of their token).")
            .Prop("name", "String!", "The actor's display name at the time.")
            .Prop("role", "Role!", "The role the actor acted in."));
        schema.Type("Money", t => t
            .Description("An amount of money in one currency.")
            .Prop("amount", "Decimal!", "The amount, exact.")
            .Prop("currency", "String!", "The ISO 4217 currency code, e.g. EUR."));
        schema.Type("DomainError", t => t
            .Description("Why a change was refused. Nothing was written. The codes are stable (e.g. case.closed, remedy.over_authority, concurrency.stale_version); see the README for the catalogue.")
            .Prop("code", "String!", "A stable, machine-readable code, e.g. satisfaction.csat_out_of_range.")
            .Prop("message", "String!", "What is wrong, for a person.")
            .Prop("field", "String", "The input field the error is about, when it is about one."));
        schema.Type("PostalAddress", t => t
            .Description("A postal address.")
            .Prop("line1", "String!", "Street and number.")
            .Prop("line2", "String", "A second address line.")
            .Prop("postalCode", "String", "The postal code.")
            .Prop("city", "String!", "The city.")
            .Prop("region", "String", "The region or state.")
            .Prop("country", "String!", "The ISO 3166 two-letter country code, e.g. DE."));
        schema.Type("ContactHours", t => t
            .Description("When the customer wants to be contacted, in their local time.")
            .Computed<ObjectTypeBuilder, ContactHours>("from", "String!", "The start, as HH:mm.", h => Clock(h.From))
            .Computed<ObjectTypeBuilder, ContactHours>("to", "String!", "The end, as HH:mm.", h => Clock(h.To)));
        schema.Type("Preferences", t => t
            .Description("How the customer wants to be served.")
            .Prop("preferredChannel", "Channel!", "The channel to contact them on.")
            .Prop("language", "String!", "The language tag, e.g. en or de-CH.")
            .Prop("marketingConsent", "Boolean!", "Whether they agreed to marketing (cross-sell, upsell and referral offers need it).")
            .Prop("contactHours", "ContactHours", "When to contact them, if they said."));
        schema.Type("Product", t => t
            .Description("A product or subscription the customer owns or uses.")
            .Prop("id", "UUID!", "The product's id.")
            .Prop("sku", "String!", "The stock-keeping unit.")
            .Prop("name", "String!", "The product's name.")
            .Prop("purchasedOn", "Date!", "When it was bought.")
            .Prop("warrantyUntil", "Date", "When its warranty ends.")
            .Prop("plan", "String", "The subscription's plan; null for a one-off purchase.")
            .Prop("subscription", "SubscriptionStatus!", "Where the subscription stands (NONE for a one-off purchase)."));

        schema.InputObject("PostalAddressInput", i => i
            .Description("A postal address.")
            .Field("line1", "String!", f => f.Description("Street and number."))
            .Field("line2", "String", f => f.Description("A second address line."))
            .Field("postalCode", "String", f => f.Description("The postal code."))
            .Field("city", "String!", f => f.Description("The city."))
            .Field("region", "String", f => f.Description("The region or state."))
            .Field("country", "String!", f => f.Description("The ISO 3166 two-letter upper-case country code, e.g. DE.")));
        schema.InputObject("ContactHoursInput", i => i
            .Description("When the customer wants to be contacted.")
            .Field("from", "String!", f => f.Description("The start, as HH:mm (24-hour clock)."))
            .Field("to", "String!", f => f.Description("The end, as HH:mm; later than the start.")));
        schema.InputObject("MoneyInput", i => i
            .Description("An amount of money.")
            .Field("amount", "Decimal!", f => f.Description("The amount, e.g. 25.50 (a number or a string)."))
            .Field("currency", "String", f => f.Description("The ISO 4217 code, e.g. EUR; the case's currency when left out.")));
    }

    private static void AddNodes(SchemaBuilder schema, CrmServices services)
    {
        schema.Interface("Node", i => i
            .Description("An object with a global id (Relay): fetch it again with node(id).")
            .Prop("id", "ID!", "The object's global id: opaque, stable, unique across all types.")
            .ResolveType(value => value switch
            {
                CustomerNode => "Customer",
                CaseNode => "Case",
                _ => null,
            }));
        schema.Query(q => q
            .Field("me", "Actor!", f => f
                .Description("Who the request's token says you are: your id (the agentId to assign cases to yourself), name and role.")
                .Resolve(ctx => RequestOrigin.Actor(ctx)))
            .Field("node", "Node", f => f
                .Description("The customer or case with this global id; null (with an error) when the id is malformed or nothing has it.")
                .Argument("id", "ID!", a => a.Description("A global id, as the id field of a Customer or Case gives it."))
                .Resolve(ctx => NodeAsync(ctx, services, Args.Get<string>(ctx, "id"))))
            .Field("nodes", "[Node]!", f => f
                .Description("The objects with these global ids, in the same order; null (with an error) for each id that is malformed or unknown.")
                .Argument("ids", "[ID!]!", a => a.Description($"Up to {Args.MaxPageSize} global ids."))
                .Resolve(async ctx =>
                {
                    var ids = Args.Get<object?[]>(ctx, "ids") ?? [];
                    if (ids.Length > Args.MaxPageSize)
                    {
                        throw Args.BadInput($"nodes takes at most {Args.MaxPageSize} ids; {ids.Length} were given.");
                    }
                    return await Task.WhenAll(ids.Select(id => NodeAsync(ctx, services, id as string)));
                })));
    }

    /// <summary>The node a global id names, or null with an error for malformed and unknown ids.</summary>
    private static async Task<object?> NodeAsync(IResolverContext context, CrmServices services, string? globalId)
    {
        if (!GlobalIds.TryDecode(globalId, out var kind, out var id))
        {
            context.ReportError($"'{globalId}' is not a global id; use the id field of a Customer or Case.", Crm.GraphQL.Execution.ErrorCodes.BadUserInput);
            return null;
        }
        return kind switch
        {
            NodeKind.Customer => await CustomerAsync(context, services, id),
            _ => await CaseAsync(context, services, id),
        };
    }

    /// <summary>The customer node if the customer is recorded; null with a NOT_FOUND error otherwise.</summary>
    private static async Task<CustomerNode?> CustomerAsync(IResolverContext context, CrmServices services, Guid id)
    {
        if (await Loaders.Profiles(context, services).LoadAsync(id) is null)
        {
            context.ReportError($"No customer {GlobalIds.Encode(NodeKind.Customer, id)} is recorded.", "NOT_FOUND");
            return null;
        }
        return new CustomerNode(id);
    }

    /// <summary>The case node if the case is recorded; null with a NOT_FOUND error otherwise.</summary>
    private static async Task<CaseNode?> CaseAsync(IResolverContext context, CrmServices services, Guid id)
    {
        if (await Loaders.Cases(context, services).LoadAsync(id) is null)
        {
            context.ReportError($"No case {GlobalIds.Encode(NodeKind.Case, id)} is recorded.", "NOT_FOUND");
            return null;
        }
        return new CaseNode(id);
    }

    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static Actor ActorOf(Guid id, string name, ActorRole role) => new(id, name, role);

    private static Assignee? Assignment(Assignee? assignee) => assignee is { AgentId: null, Team: null } or null ? null : assignee;
}
