using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>A request to change a customer's record, decided by <see cref="CustomerDecider"/>.</summary>
public abstract record CustomerCommand
{
    private protected CustomerCommand(Guid customerId, Actor actor, DateTimeOffset now)
    {
        CustomerId = customerId;
        Actor = actor;
        Now = now;
    }

    /// <summary>The customer.</summary>
    public Guid CustomerId { get; init; }

    /// <summary>Who asks.</summary>
    public Actor Actor { get; init; }

    /// <summary>The current time, given by the caller (the domain has no clock).</summary>
    public DateTimeOffset Now { get; init; }
}

/// <summary>Register a new customer. At least one e-mail, phone or postal address is needed.</summary>
public sealed record RegisterCustomer(
    Guid CustomerId,
    string Name,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    PostalAddress? Address,
    string Language,
    Segment Segment,
    Channel Channel,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Replace the customer's name, e-mails, phones and address with these.</summary>
public sealed record ChangeContactDetails(
    Guid CustomerId,
    string Name,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    PostalAddress? Address,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Replace the customer's preferences with these.</summary>
public sealed record ChangePreferences(
    Guid CustomerId,
    Channel PreferredChannel,
    string Language,
    bool MarketingConsent,
    ContactHours? ContactHours,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Register a product or service the customer owns; give a plan to make it a subscription.</summary>
public sealed record RegisterProduct(
    Guid CustomerId,
    Guid ProductId,
    string Sku,
    string Name,
    DateOnly PurchasedOn,
    DateOnly? WarrantyUntil,
    string? Plan,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Change a subscription. <paramref name="Plan"/> is read only for <see cref="SubscriptionChangeKind.PlanChanged"/>.</summary>
public sealed record ChangeSubscription(
    Guid CustomerId,
    Guid ProductId,
    SubscriptionChangeKind Change,
    string? Plan,
    DateOnly EffectiveOn,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Log one contact with the customer, optionally linked to a case.</summary>
public sealed record LogInteraction(
    Guid CustomerId,
    Guid InteractionId,
    Channel Channel,
    Direction Direction,
    string? Queue,
    Guid AgentId,
    string Topic,
    string Summary,
    DateTimeOffset StartedAt,
    int TalkSeconds,
    int HoldSeconds,
    int WrapUpSeconds,
    Guid? CaseId,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Present an offer to the customer.</summary>
public sealed record PresentOffer(
    Guid CustomerId,
    Guid OfferId,
    OfferKind Kind,
    string? ProductSku,
    string Description,
    DateTimeOffset? ValidUntil,
    Guid? CaseId,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Record that the customer accepted an offer.</summary>
public sealed record AcceptOffer(
    Guid CustomerId,
    Guid OfferId,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Record that the customer declined an offer.</summary>
public sealed record DeclineOffer(
    Guid CustomerId,
    Guid OfferId,
    string? Reason,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);

/// <summary>Erase the customer's personal data (Supervisor or Manager only).</summary>
public sealed record EraseCustomerData(
    Guid CustomerId,
    string Reason,
    Actor Actor,
    DateTimeOffset Now) : CustomerCommand(CustomerId, Actor, Now);
