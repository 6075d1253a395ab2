using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>The kind of customer, which decides service levels and routing.</summary>
public enum Segment
{
    /// <summary>A private person.</summary>
    Consumer,

    /// <summary>A company or organisation.</summary>
    Business,

    /// <summary>A customer given priority treatment.</summary>
    Vip,
}

/// <summary>A postal address.</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="Line2">Further address line, if any.</param>
/// <param name="PostalCode">Postal code, where the country has one.</param>
/// <param name="City">City or town.</param>
/// <param name="Region">State, province or county, if any.</param>
/// <param name="Country">ISO 3166 two-letter country code, upper case.</param>
public sealed record PostalAddress(string Line1, string? Line2, string? PostalCode, string City, string? Region, string Country);

/// <summary>The hours in which the customer wishes to be contacted (their local time).</summary>
/// <param name="From">Earliest time of day.</param>
/// <param name="To">Latest time of day; later than <paramref name="From"/>.</param>
public sealed record ContactHours(TimeOnly From, TimeOnly To);

/// <summary>How the customer wishes to be served.</summary>
/// <param name="PreferredChannel">The channel to contact them on.</param>
/// <param name="Language">A language tag such as <c>en</c> or <c>de-CH</c>.</param>
/// <param name="MarketingConsent">Whether they agreed to receive marketing offers.</param>
/// <param name="ContactHours">When to contact them, if they said.</param>
public sealed record Preferences(Channel PreferredChannel, string Language, bool MarketingConsent, ContactHours? ContactHours);

/// <summary>Where a customer record stands.</summary>
public enum CustomerStatus
{
    /// <summary>Not registered.</summary>
    None,

    /// <summary>Registered and current.</summary>
    Active,

    /// <summary>Personal data erased; nothing more is recorded.</summary>
    Erased,
}

/// <summary>Where a product's subscription stands.</summary>
public enum SubscriptionStatus
{
    /// <summary>A one-off purchase: no subscription.</summary>
    None,

    /// <summary>Running.</summary>
    Active,

    /// <summary>Paused by the customer.</summary>
    Paused,

    /// <summary>Ended.</summary>
    Cancelled,
}

/// <summary>A change to a subscription.</summary>
public enum SubscriptionChangeKind
{
    /// <summary>Moved to another plan (upgrade or downgrade).</summary>
    PlanChanged,

    /// <summary>Paused.</summary>
    Paused,

    /// <summary>Resumed after a pause.</summary>
    Resumed,

    /// <summary>Renewed for another term.</summary>
    Renewed,

    /// <summary>Ended.</summary>
    Cancelled,
}

/// <summary>What an offer is meant to achieve.</summary>
public enum OfferKind
{
    /// <summary>A related product.</summary>
    CrossSell,

    /// <summary>A better version or plan of what the customer has.</summary>
    Upsell,

    /// <summary>A reward or retention offer.</summary>
    Loyalty,

    /// <summary>A reward for recommending the company.</summary>
    Referral,
}

/// <summary>Where an offer stands.</summary>
public enum OfferStatus
{
    /// <summary>Presented, not answered.</summary>
    Open,

    /// <summary>Accepted by the customer.</summary>
    Accepted,

    /// <summary>Declined by the customer.</summary>
    Declined,
}

/// <summary>A product or service the customer owns or uses.</summary>
/// <param name="Id">The product registration's id.</param>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="Name">Product name.</param>
/// <param name="PurchasedOn">Date of purchase.</param>
/// <param name="WarrantyUntil">Last day of warranty, if any.</param>
/// <param name="Plan">The subscription plan, for subscriptions.</param>
/// <param name="Subscription">Where the subscription stands.</param>
public sealed record OwnedProduct(Guid Id, string Sku, string Name, DateOnly PurchasedOn, DateOnly? WarrantyUntil, string? Plan, SubscriptionStatus Subscription);

/// <summary>An offer presented to the customer.</summary>
/// <param name="Id">The offer's id.</param>
/// <param name="Kind">What the offer is for.</param>
/// <param name="PresentedAt">When it was presented.</param>
/// <param name="ValidUntil">When it expires, if it does.</param>
/// <param name="Status">Whether and how it was answered.</param>
public sealed record PresentedOffer(Guid Id, OfferKind Kind, DateTimeOffset PresentedAt, DateTimeOffset? ValidUntil, OfferStatus Status);
