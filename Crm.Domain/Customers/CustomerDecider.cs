using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>
/// The customer aggregate's decisions: <see cref="Decide"/> turns a command and the current state
/// into events or a refusal; <see cref="Evolve"/> applies one event to the state. Both are pure.
/// </summary>
public static partial class CustomerDecider
{
    /// <summary>The state before the first event.</summary>
    public static CustomerState Initial => CustomerState.Initial;

    /// <summary>Decides <paramref name="command"/> against <paramref name="state"/>: the events to append, or why not (and then no events).</summary>
    public static Decision<CustomerEvent> Decide(CustomerCommand command, CustomerState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);

        var error = Check.Writer(command.Actor, $"issue {command.GetType().Name}")
            ?? Check.Id(command.CustomerId, "customerId")
            ?? (state.Exists && state.Id != command.CustomerId
                ? new DomainError(DomainErrors.CommandStreamMismatch, $"The command is for customer {command.CustomerId} but was decided against customer {state.Id}.", "customerId")
                : null);
        if (error is not null)
        {
            return error;
        }
        if (command is RegisterCustomer register)
        {
            return Register(register, state);
        }
        if (EnsureWritable(state, command.CustomerId) is { } notWritable)
        {
            return notWritable;
        }
        var now = command.Now.ToUniversalTime();
        return command switch
        {
            ChangeContactDetails c => ChangeContactDetails(c, state, now),
            ChangePreferences c => ChangePreferences(c, state, now),
            RegisterProduct c => RegisterProduct(c, state, now),
            ChangeSubscription c => ChangeSubscription(c, state, now),
            LogInteraction c => LogInteraction(c, state, now),
            PresentOffer c => PresentOffer(c, state, now),
            AcceptOffer c => AcceptOffer(c, state, now),
            DeclineOffer c => DeclineOffer(c, state, now),
            EraseCustomerData c => Erase(c, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown customer command."),
        };
    }

    /// <summary>
    /// Whether anything may be recorded for this customer: refuses with <c>customer.not_found</c>
    /// or <c>customer.erased</c>. Command handlers of other aggregates (cases) call it with the
    /// customer's state before they decide, since a case decision cannot see the customer stream.
    /// </summary>
    public static DomainError? EnsureWritable(CustomerState state, Guid customerId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Status switch
        {
            CustomerStatus.None => new(DomainErrors.CustomerNotFound, $"No customer {customerId} is registered.", "customerId"),
            CustomerStatus.Erased => new(DomainErrors.CustomerErased, $"Customer {customerId}'s personal data was erased; nothing more can be recorded for them.", "customerId"),
            _ => null,
        };
    }

    /// <summary>Applies one event to the state.</summary>
    public static CustomerState Evolve(CustomerState state, CustomerEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        return @event switch
        {
            CustomerRegistered e => state with
            {
                Id = e.CustomerId,
                Status = CustomerStatus.Active,
                Name = e.Name,
                Emails = e.Emails,
                Phones = e.Phones,
                Address = e.Address,
                Segment = e.Segment,
                AcquiredThrough = e.Channel,
                RegisteredAt = e.OccurredAt,
                Preferences = new Preferences(e.Channel, e.Language, MarketingConsent: false, ContactHours: null),
            },
            ContactDetailsChanged e => state with { Name = e.Name, Emails = e.Emails, Phones = e.Phones, Address = e.Address },
            PreferencesChanged e => state with { Preferences = new Preferences(e.PreferredChannel, e.Language, e.MarketingConsent, e.ContactHours) },
            ProductRegistered e => state with
            {
                Products = state.Products.SetItem(e.ProductId, new OwnedProduct(
                    e.ProductId, e.Sku, e.Name, e.PurchasedOn, e.WarrantyUntil, e.Plan,
                    e.Plan is null ? SubscriptionStatus.None : SubscriptionStatus.Active)),
            },
            SubscriptionChanged e => state.Products.TryGetValue(e.ProductId, out var product)
                ? state with { Products = state.Products.SetItem(e.ProductId, product with { Plan = e.Plan, Subscription = After(e.Change) }) }
                : state,
            InteractionLogged e => state with
            {
                Interactions = state.Interactions.Add(e.InteractionId),
                LastContactAt = state.LastContactAt is { } last && last > e.StartedAt ? last : e.StartedAt,
            },
            OfferPresented e => state with
            {
                Offers = state.Offers.SetItem(e.OfferId, new PresentedOffer(e.OfferId, e.Kind, e.OccurredAt, e.ValidUntil, OfferStatus.Open)),
            },
            OfferAccepted e => Answer(state, e.OfferId, OfferStatus.Accepted),
            OfferDeclined e => Answer(state, e.OfferId, OfferStatus.Declined),
            CustomerDataErased e => state with
            {
                Status = CustomerStatus.Erased,
                Name = null,
                Emails = EquatableList.Empty<string>(),
                Phones = EquatableList.Empty<string>(),
                Address = null,
                ErasedAt = e.OccurredAt,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown customer event."),
        };
    }

    /// <summary>Folds <see cref="Evolve"/> over <paramref name="events"/> from <see cref="Initial"/>.</summary>
    public static CustomerState Replay(IEnumerable<CustomerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Initial, Evolve);
    }

    private static SubscriptionStatus After(SubscriptionChangeKind change) => change switch
    {
        SubscriptionChangeKind.Paused => SubscriptionStatus.Paused,
        SubscriptionChangeKind.Cancelled => SubscriptionStatus.Cancelled,
        _ => SubscriptionStatus.Active,
    };

    private static CustomerState Answer(CustomerState state, Guid offerId, OfferStatus status) =>
        state.Offers.TryGetValue(offerId, out var offer)
            ? state with { Offers = state.Offers.SetItem(offerId, offer with { Status = status }) }
            : state;
}
