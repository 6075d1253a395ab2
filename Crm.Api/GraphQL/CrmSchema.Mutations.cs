using Crm.Api.Application;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.GraphQL.Types;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    private enum Target
    {
        Customer,
        Case,
        Queue,
    }

    /// <summary>What every mutation answers: the changed object (when it exists), what was created, and why nothing was written.</summary>
    private sealed record MutationPayload(IReadOnlyList<DomainError> Errors, object? Target, Guid? CreatedId);

    private static void AddMutations(SchemaBuilder schema, CrmServices services)
    {
        AddCustomerMutations(schema, services);
        AddCaseMutations(schema, services);
    }

    /// <summary>
    /// Defines a mutation <paramref name="name"/>(input: NameInput!): NamePayload! whose input gets
    /// an optional expectedVersion and whose payload has the target object and errors.
    /// </summary>
    private static void Mutation<TInput, TState>(
        SchemaBuilder schema,
        CrmServices services,
        string name,
        string description,
        Target target,
        Action<InputObjectTypeBuilder> fields,
        Func<InputReader, TInput> read,
        Func<CrmCommands, CommandContext, TInput, CancellationToken, Task<CommandReply<TState>>> execute,
        (string Field, string Description)? created = null)
        where TInput : CommandInput
        where TState : class
    {
        var typeName = char.ToUpperInvariant(name[0]) + name[1..];
        var targetName = target == Target.Case ? "case" : "customer";
        schema.InputObject($"{typeName}Input", i =>
        {
            i.Description($"The input of {name}.");
            fields(i);
            i.Field("expectedVersion", "Int", f => f.Description(target switch
            {
                Target.Queue => "The version of the queue's stream your view was built from; when it changed since, the change is refused with concurrency.stale_version.",
                _ => $"The version of the {targetName} your view was built from ({targetName}.version); when it changed since, the change is refused with concurrency.stale_version and nothing is written.",
            }));
        });
        schema.Type($"{typeName}Payload", t =>
        {
            t.Description($"The result of {name}: on success the changed {targetName} and an empty errors list; otherwise the errors, and nothing was written.")
                .Prop("errors", "[DomainError!]!", "Why the change was refused; empty when it was made.");
            if (target == Target.Case)
            {
                t.Computed<ObjectTypeBuilder, MutationPayload>("case", "Case", "The case as it is now (also when the change was refused, if the case exists).", p => p.Target);
            }
            else
            {
                t.Computed<ObjectTypeBuilder, MutationPayload>("customer", "Customer",
                    target == Target.Queue
                        ? "The customer the caller was recognised as, when given and the contact was recorded."
                        : "The customer as they are now (also when the change was refused, if the customer exists).",
                    p => p.Target);
            }
            if (created is { } c)
            {
                t.Computed<ObjectTypeBuilder, MutationPayload>(c.Field, "UUID", c.Description, p => p.CreatedId);
            }
        });
        schema.Mutation(m => m.Field(name, $"{typeName}Payload!", f => f
            .Description(description)
            .Argument("input", $"{typeName}Input!", a => a.Description("What the change needs: its target, its data and, optionally, the version your view was built from."))
            .Resolve(async ctx =>
            {
                var reader = new InputReader(Args.Get<IReadOnlyDictionary<string, object?>>(ctx, "input"));
                var input = (TInput)(read(reader) with { ExpectedVersion = reader.ExpectedVersion() });
                if (reader.Errors.Count > 0)
                {
                    return new MutationPayload(reader.Errors, null, null);
                }
                var reply = await execute(services.Commands, RequestOrigin.Command(ctx), input, ctx.CancellationToken);
                object? node = null;
                if (target == Target.Queue)
                {
                    node = reply.Succeeded && input is RecordAbandonedContactInput { CustomerId: { } customerId } ? new CustomerNode(customerId) : null;
                }
                else if (reply.Exists && reply.TargetId is { } id)
                {
                    node = target == Target.Customer ? new CustomerNode(id, reply.Version) : new CaseNode(id, reply.Version);
                }
                return new MutationPayload(reply.Errors, node, reply.Succeeded ? reply.CreatedId : null);
            })));
    }

    private static PostalAddress? Address(InputReader? address) => address is null
        ? null
        : new PostalAddress(
            address.Text("line1"), address.OptionalText("line2"), address.OptionalText("postalCode"), address.Text("city"),
            address.OptionalText("region"), address.Text("country"));

    private static MoneyInput? MoneyOf(InputReader? money) => money is null ? null : new MoneyInput(money.Decimal("amount"), money.OptionalText("currency"));

    private static InputObjectTypeBuilder CustomerIdField(this InputObjectTypeBuilder input) =>
        input.Field("customerId", "ID!", f => f.Description("The customer's global id."));

    private static InputObjectTypeBuilder CaseIdField(this InputObjectTypeBuilder input) =>
        input.Field("caseId", "ID!", f => f.Description("The case's global id."));

    private static void AddCustomerMutations(SchemaBuilder schema, CrmServices services)
    {
        Mutation(schema, services, "registerCustomer",
            "Registers a new customer. Needs a name and at least one e-mail, phone or postal address.",
            Target.Customer,
            i => i
                .Field("customerId", "UUID", f => f.Description("The new customer's UUID, for idempotent retries; a new one when left out."))
                .Field("name", "String!", f => f.Description("The customer's name."))
                .Field("emails", "[String!]", f => f.Description("E-mail addresses (name@domain.tld)."))
                .Field("phones", "[String!]", f => f.Description("Phone numbers (5 to 15 digits; +, spaces, dashes, dots and parentheses allowed)."))
                .Field("address", "PostalAddressInput", f => f.Description("Postal address."))
                .Field("language", "String!", f => f.Description("Language tag, e.g. en, de-CH or es-419."))
                .Field("segment", "Segment!", f => f.Description("Consumer, business or VIP."))
                .Field("channel", "Channel!", f => f.Description("The channel the customer came through.")),
            r => new RegisterCustomerInput(
                r.Text("name"), r.Texts("emails"), r.Texts("phones"), Address(r.Object("address")), r.Text("language"),
                r.Enum<Segment>("segment"), r.Enum<Channel>("channel")) { CustomerId = r.Uuid("customerId") },
            (c, ctx, input, ct) => c.RegisterCustomerAsync(ctx, input, ct));

        Mutation(schema, services, "changeContactDetails",
            "Replaces the customer's name, e-mails, phones and postal address (nothing is recorded when they are unchanged).",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("name", "String!", f => f.Description("The name."))
                .Field("emails", "[String!]!", f => f.Description("All e-mail addresses (replacing the current ones)."))
                .Field("phones", "[String!]!", f => f.Description("All phone numbers (replacing the current ones)."))
                .Field("address", "PostalAddressInput", f => f.Description("The postal address; null removes it.")),
            r => new ChangeContactDetailsInput(r.Id("customerId", NodeKind.Customer), r.Text("name"), r.Texts("emails"), r.Texts("phones"), Address(r.Object("address"))),
            (c, ctx, input, ct) => c.ChangeContactDetailsAsync(ctx, input, ct));

        Mutation(schema, services, "changePreferences",
            "Replaces how the customer wants to be served (nothing is recorded when unchanged).",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("preferredChannel", "Channel!", f => f.Description("The channel to contact them on."))
                .Field("language", "String!", f => f.Description("Language tag, e.g. en."))
                .Field("marketingConsent", "Boolean!", f => f.Description("Whether they agree to marketing."))
                .Field("contactHours", "ContactHoursInput", f => f.Description("When to contact them; null for any time.")),
            r => new ChangePreferencesInput(
                r.Id("customerId", NodeKind.Customer), r.Enum<Channel>("preferredChannel"), r.Text("language"), r.Bool("marketingConsent"),
                r.Object("contactHours") is { } hours ? new ContactHours(hours.Clock("from"), hours.Clock("to")) : null),
            (c, ctx, input, ct) => c.ChangePreferencesAsync(ctx, input, ct));

        Mutation(schema, services, "registerProduct",
            "Records a product or subscription the customer owns (a plan makes it a subscription).",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("productId", "UUID", f => f.Description("The product's UUID; a new one when left out."))
                .Field("sku", "String!", f => f.Description("The stock-keeping unit."))
                .Field("name", "String!", f => f.Description("The product's name."))
                .Field("purchasedOn", "Date!", f => f.Description("When it was bought (not in the future)."))
                .Field("warrantyUntil", "Date", f => f.Description("When its warranty ends (not before the purchase)."))
                .Field("plan", "String", f => f.Description("The subscription plan, for a subscription.")),
            r => new RegisterProductInput(
                r.Id("customerId", NodeKind.Customer), r.Text("sku"), r.Text("name"), r.Date("purchasedOn"), r.OptionalDate("warrantyUntil"), r.OptionalText("plan"))
            { ProductId = r.Uuid("productId") },
            (c, ctx, input, ct) => c.RegisterProductAsync(ctx, input, ct),
            ("productId", "The registered product's UUID."));

        Mutation(schema, services, "changeSubscription",
            "Changes the plan of a subscription, or pauses, resumes, renews or cancels it.",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("productId", "UUID!", f => f.Description("The subscription (a product registered with a plan)."))
                .Field("change", "SubscriptionChange!", f => f.Description("What changes."))
                .Field("plan", "String", f => f.Description("The new plan, for PLAN_CHANGED."))
                .Field("effectiveOn", "Date", f => f.Description("When it takes effect; today when left out.")),
            r => new ChangeSubscriptionInput(
                r.Id("customerId", NodeKind.Customer), r.RequiredUuid("productId"), r.Enum<SubscriptionChangeKind>("change"), r.OptionalText("plan"), r.OptionalDate("effectiveOn")),
            (c, ctx, input, ct) => c.ChangeSubscriptionAsync(ctx, input, ct));

        Mutation(schema, services, "logInteraction",
            "Logs one contact with the customer on any channel, optionally linked to one of their cases.",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("interactionId", "UUID", f => f.Description("The contact's UUID, for idempotent retries; a new one when left out."))
                .Field("channel", "Channel!", f => f.Description("The channel."))
                .Field("direction", "Direction!", f => f.Description("Inbound (the customer called) or outbound."))
                .Field("queue", "String", f => f.Description("The queue the contact came through, if any (inbound queued contacts count as offered)."))
                .Field("agentId", "UUID", f => f.Description("The agent who handled it; you when left out."))
                .Field("topic", "String!", f => f.Description("What it was about, in a few words."))
                .Field("summary", "String!", f => f.Description("What was said and done."))
                .Field("startedAt", "DateTime", f => f.Description("When it started (not in the future); now when left out."))
                .Field("talkSeconds", "Int", 0, "Seconds talking (0 or more).")
                .Field("holdSeconds", "Int", 0, "Seconds on hold (0 or more).")
                .Field("wrapUpSeconds", "Int", 0, "Seconds of wrap-up work after it (0 or more).")
                .Field("caseId", "ID", f => f.Description("The global id of the customer's case it belongs to, if any.")),
            r => new LogInteractionInput(
                r.Id("customerId", NodeKind.Customer), r.Enum<Channel>("channel"), r.Enum<Direction>("direction"), r.OptionalText("queue"),
                r.Text("topic"), r.Text("summary"), r.OptionalTime("startedAt"), r.Int("talkSeconds"), r.Int("holdSeconds"), r.Int("wrapUpSeconds"),
                r.OptionalId("caseId", NodeKind.Case))
            { AgentId = r.Uuid("agentId"), InteractionId = r.Uuid("interactionId") },
            (c, ctx, input, ct) => c.LogInteractionAsync(ctx, input, ct),
            ("interactionId", "The logged contact's UUID."));

        Mutation(schema, services, "recordAbandonedContact",
            "Records a contact that left a queue before an agent answered (for the abandonment rate).",
            Target.Queue,
            i => i
                .Field("queue", "String!", f => f.Description("The queue's name."))
                .Field("contactId", "UUID", f => f.Description("The contact's UUID; a new one when left out."))
                .Field("channel", "Channel!", f => f.Description("A queued channel (not e-mail or mail)."))
                .Field("enteredAt", "DateTime!", f => f.Description("When the contact entered the queue."))
                .Field("waitSeconds", "Int!", f => f.Description("How long it waited before leaving (0 or more); it must have left by now."))
                .Field("callerAddress", "String", f => f.Description("The caller's number or address, if known."))
                .Field("customerId", "ID", f => f.Description("The customer's global id, if the caller was recognised.")),
            r => new RecordAbandonedContactInput(
                r.Text("queue"), r.Enum<Channel>("channel"), r.Time("enteredAt"), r.Int("waitSeconds"), r.OptionalText("callerAddress"),
                r.OptionalId("customerId", NodeKind.Customer))
            { ContactId = r.Uuid("contactId") },
            (c, ctx, input, ct) => c.RecordAbandonedContactAsync(ctx, input, ct),
            ("contactId", "The recorded contact's UUID."));

        Mutation(schema, services, "presentOffer",
            "Records an offer presented to the customer (cross-sell, upsell and referral offers need marketing consent).",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("offerId", "UUID", f => f.Description("The offer's UUID; a new one when left out."))
                .Field("kind", "OfferKind!", f => f.Description("What the offer is for."))
                .Field("productSku", "String", f => f.Description("The product offered, if any."))
                .Field("description", "String!", f => f.Description("What is offered."))
                .Field("validUntil", "DateTime", f => f.Description("When it expires (in the future)."))
                .Field("caseId", "ID", f => f.Description("The global id of the customer's case it was made in, if any.")),
            r => new PresentOfferInput(
                r.Id("customerId", NodeKind.Customer), r.Enum<OfferKind>("kind"), r.OptionalText("productSku"), r.Text("description"),
                r.OptionalTime("validUntil"), r.OptionalId("caseId", NodeKind.Case))
            { OfferId = r.Uuid("offerId") },
            (c, ctx, input, ct) => c.PresentOfferAsync(ctx, input, ct),
            ("offerId", "The offer's UUID."));

        Mutation(schema, services, "respondToOffer",
            "Records the customer's answer to an open, unexpired offer.",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("offerId", "UUID!", f => f.Description("The offer."))
                .Field("accepted", "Boolean!", f => f.Description("Whether the customer accepted it."))
                .Field("reason", "String", f => f.Description("Why they declined, if they said.")),
            r => new RespondToOfferInput(r.Id("customerId", NodeKind.Customer), r.RequiredUuid("offerId"), r.Bool("accepted"), r.OptionalText("reason")),
            (c, ctx, input, ct) => c.RespondToOfferAsync(ctx, input, ct));

        Mutation(schema, services, "eraseCustomerData",
            "Supervisors and Managers: erases the customer's personal data (the right to erasure); afterwards nothing more is recorded for them.",
            Target.Customer,
            i => i.CustomerIdField()
                .Field("reason", "String!", f => f.Description("The request or legal basis.")),
            r => new EraseCustomerDataInput(r.Id("customerId", NodeKind.Customer), r.Text("reason")),
            (c, ctx, input, ct) => c.EraseCustomerDataAsync(ctx, input, ct));
    }
}
