using Crm.Domain.Common;

namespace Crm.Domain.Customers;

public static partial class CustomerDecider
{
    private static Decision<CustomerEvent> LogInteraction(LogInteraction command, CustomerState state, DateTimeOffset now)
    {
        var error = Check.Id(command.InteractionId, "interactionId")
            ?? Check.Id(command.AgentId, "agentId")
            ?? Check.Id(command.CaseId, "caseId")
            ?? Check.Defined(command.Channel, "channel")
            ?? Check.Defined(command.Direction, "direction")
            ?? Check.Length(command.Queue, "queue", TextLimits.Line)
            ?? Check.Required(command.Topic, "topic", DomainErrors.InteractionTopicRequired, "The contact's topic must not be blank.", TextLimits.Line)
            ?? Check.Required(command.Summary, "summary", DomainErrors.InteractionSummaryRequired, "The contact's summary must not be blank.", TextLimits.Document);
        if (error is not null)
        {
            return error;
        }
        if (command.TalkSeconds < 0 || command.HoldSeconds < 0 || command.WrapUpSeconds < 0)
        {
            return new DomainError(
                DomainErrors.InteractionDurationsNegative,
                $"Talk ({command.TalkSeconds}), hold ({command.HoldSeconds}) and wrap-up ({command.WrapUpSeconds}) seconds must not be negative.",
                command.TalkSeconds < 0 ? "talkSeconds" : command.HoldSeconds < 0 ? "holdSeconds" : "wrapUpSeconds");
        }
        if (command.StartedAt > now)
        {
            return new DomainError(DomainErrors.InteractionStartedInFuture, $"The contact would start at {command.StartedAt:O}, later than now ({now:O}).", "startedAt");
        }
        if (state.Interactions.Contains(command.InteractionId))
        {
            return new DomainError(DomainErrors.InteractionAlreadyLogged, $"Contact {command.InteractionId} is already logged.", "interactionId");
        }
        return new InteractionLogged(
            command.CustomerId, now, command.Actor, command.InteractionId, command.Channel, command.Direction,
            Check.Clean(command.Queue), command.AgentId, command.Topic.Trim(), command.Summary.Trim(),
            command.StartedAt.ToUniversalTime(), command.TalkSeconds, command.HoldSeconds, command.WrapUpSeconds, command.CaseId);
    }

    private static Decision<CustomerEvent> PresentOffer(PresentOffer command, CustomerState state, DateTimeOffset now)
    {
        var error = Check.Id(command.OfferId, "offerId")
            ?? Check.Id(command.CaseId, "caseId")
            ?? Check.Defined(command.Kind, "kind")
            ?? Check.Length(command.ProductSku, "productSku", TextLimits.Line)
            ?? Check.Required(command.Description, "description", DomainErrors.OfferDescriptionRequired, "The offer's description must not be blank.", TextLimits.Paragraph);
        if (error is not null)
        {
            return error;
        }
        if (state.Offers.ContainsKey(command.OfferId))
        {
            return new DomainError(DomainErrors.OfferAlreadyPresented, $"Offer {command.OfferId} was already presented.", "offerId");
        }
        if (command.ValidUntil <= now)
        {
            return new DomainError(DomainErrors.OfferValidityInPast, $"The offer would be valid until {command.ValidUntil:O}, which is not later than now ({now:O}).", "validUntil");
        }
        if (command.Kind != OfferKind.Loyalty && state.Preferences is not { MarketingConsent: true })
        {
            return new DomainError(DomainErrors.OfferNoMarketingConsent, $"The customer has not consented to marketing, so a {command.Kind} offer cannot be presented (a loyalty offer can).", "kind");
        }
        return new OfferPresented(
            command.CustomerId, now, command.Actor, command.OfferId, command.Kind, Check.Clean(command.ProductSku),
            command.Description.Trim(), command.ValidUntil?.ToUniversalTime(), command.CaseId);
    }

    private static Decision<CustomerEvent> AcceptOffer(AcceptOffer command, CustomerState state, DateTimeOffset now)
    {
        var (_, error) = AnswerableOffer(command.OfferId, state, now);
        return error ?? (Decision<CustomerEvent>)new OfferAccepted(command.CustomerId, now, command.Actor, command.OfferId);
    }

    private static Decision<CustomerEvent> DeclineOffer(DeclineOffer command, CustomerState state, DateTimeOffset now)
    {
        var (_, error) = AnswerableOffer(command.OfferId, state, now);
        error ??= Check.Length(command.Reason, "reason", TextLimits.Paragraph);
        return error ?? (Decision<CustomerEvent>)new OfferDeclined(command.CustomerId, now, command.Actor, command.OfferId, Check.Clean(command.Reason));
    }

    private static (PresentedOffer? Offer, DomainError? Error) AnswerableOffer(Guid offerId, CustomerState state, DateTimeOffset now)
    {
        if (Check.Id(offerId, "offerId") is { } idError)
        {
            return (null, idError);
        }
        if (!state.Offers.TryGetValue(offerId, out var offer))
        {
            return (null, new(DomainErrors.OfferNotFound, $"No offer {offerId} was presented to this customer.", "offerId"));
        }
        if (offer.Status != OfferStatus.Open)
        {
            return (offer, new(DomainErrors.OfferAlreadyAnswered, $"The customer already {offer.Status.ToString().ToLowerInvariant()} offer {offerId}.", "offerId"));
        }
        if (offer.ValidUntil is { } validUntil && now > validUntil)
        {
            return (offer, new(DomainErrors.OfferExpired, $"Offer {offerId} expired at {validUntil:O}.", "offerId"));
        }
        return (offer, null);
    }
}
