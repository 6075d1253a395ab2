using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>A customer as the decisions see them: built by folding <see cref="CustomerDecider.Evolve"/> over the stream.</summary>
public sealed record CustomerState
{
    /// <summary>The state before the first event: not registered.</summary>
    public static CustomerState Initial { get; } = new();

    /// <summary>The customer's id; empty before registration.</summary>
    public Guid Id { get; init; }

    /// <summary>Not registered, active, or erased.</summary>
    public CustomerStatus Status { get; init; }

    /// <summary>The name; null before registration and after erasure.</summary>
    public string? Name { get; init; }

    /// <summary>E-mail addresses; empty after erasure.</summary>
    public EquatableList<string> Emails { get; init; } = EquatableList.Empty<string>();

    /// <summary>Phone numbers; empty after erasure.</summary>
    public EquatableList<string> Phones { get; init; } = EquatableList.Empty<string>();

    /// <summary>The postal address; null after erasure.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>The customer's segment.</summary>
    public Segment Segment { get; init; }

    /// <summary>The channel the customer came through.</summary>
    public Channel AcquiredThrough { get; init; }

    /// <summary>When the customer was registered.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>How the customer wishes to be served; null before registration.</summary>
    public Preferences? Preferences { get; init; }

    /// <summary>Products and subscriptions by registration id.</summary>
    public EquatableDictionary<Guid, OwnedProduct> Products { get; init; } = EquatableDictionaries.Empty<Guid, OwnedProduct>();

    /// <summary>Offers presented, by offer id.</summary>
    public EquatableDictionary<Guid, PresentedOffer> Offers { get; init; } = EquatableDictionaries.Empty<Guid, PresentedOffer>();

    /// <summary>Ids of the contacts logged, so a contact is never logged twice.</summary>
    public EquatableSet<Guid> Interactions { get; init; } = EquatableSet.Empty<Guid>();

    /// <summary>When the latest contact started.</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    /// <summary>When the personal data was erased.</summary>
    public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>Whether the customer was ever registered.</summary>
    public bool Exists => Status != CustomerStatus.None;
}
