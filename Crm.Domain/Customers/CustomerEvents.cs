using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>A fact about a customer, in stream <c>customer-{CustomerId}</c>. The hierarchy is closed: only this assembly defines customer events.</summary>
public abstract record CustomerEvent
{
    private protected CustomerEvent(Guid customerId, DateTimeOffset occurredAt, Actor by)
    {
        CustomerId = customerId;
        OccurredAt = occurredAt;
        By = by;
    }

    /// <summary>The customer.</summary>
    public Guid CustomerId { get; init; }

    /// <summary>When it happened (business time, UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who did it.</summary>
    public Actor By { get; init; }
}

/// <summary>A customer was registered.</summary>
public sealed record CustomerRegistered(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    [property: PersonalData] string Name,
    [property: PersonalData] EquatableList<string> Emails,
    [property: PersonalData] EquatableList<string> Phones,
    [property: PersonalData] PostalAddress? Address,
    string Language,
    Segment Segment,
    Channel Channel) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>The customer's name, e-mails, phones or address changed; the event holds the complete new set.</summary>
public sealed record ContactDetailsChanged(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    [property: PersonalData] string Name,
    [property: PersonalData] EquatableList<string> Emails,
    [property: PersonalData] EquatableList<string> Phones,
    [property: PersonalData] PostalAddress? Address) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>The customer's preferences changed; the event holds the complete new preferences.</summary>
public sealed record PreferencesChanged(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Channel PreferredChannel,
    string Language,
    bool MarketingConsent,
    ContactHours? ContactHours) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>A product or service the customer owns or uses was registered; with a plan it is a subscription.</summary>
public sealed record ProductRegistered(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid ProductId,
    string Sku,
    string Name,
    DateOnly PurchasedOn,
    DateOnly? WarrantyUntil,
    string? Plan) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>A subscription changed; <paramref name="Plan"/> is the plan after the change.</summary>
public sealed record SubscriptionChanged(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid ProductId,
    SubscriptionChangeKind Change,
    string? PreviousPlan,
    string? Plan,
    DateOnly EffectiveOn) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>
/// One contact with the customer on any channel. Talk, hold and wrap-up seconds feed handle time;
/// an inbound contact with a queue counts as answered (offered) for abandonment rates.
/// </summary>
public sealed record InteractionLogged(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid InteractionId,
    Channel Channel,
    Direction Direction,
    string? Queue,
    Guid AgentId,
    string Topic,
    [property: PersonalData] string Summary,
    DateTimeOffset StartedAt,
    int TalkSeconds,
    int HoldSeconds,
    int WrapUpSeconds,
    Guid? CaseId) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>An offer was presented to the customer.</summary>
public sealed record OfferPresented(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid OfferId,
    OfferKind Kind,
    string? ProductSku,
    string Description,
    DateTimeOffset? ValidUntil,
    Guid? CaseId) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>The customer accepted an offer.</summary>
public sealed record OfferAccepted(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid OfferId) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>The customer declined an offer, saying why if they did.</summary>
public sealed record OfferDeclined(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    Guid OfferId,
    [property: PersonalData] string? Reason) : CustomerEvent(CustomerId, OccurredAt, By);

/// <summary>
/// The customer's personal data was erased (right to erasure). The store destroys the customer's
/// key, so every <see cref="PersonalDataAttribute"/> field of their events reads as erased; from
/// now on nothing more is recorded for them.
/// </summary>
public sealed record CustomerDataErased(
    Guid CustomerId,
    DateTimeOffset OccurredAt,
    Actor By,
    string Reason) : CustomerEvent(CustomerId, OccurredAt, By);
