using Crm.Domain.Common;
using Crm.Domain.Customers;
using static Crm.Tests.Domain.CustomerHistory;

namespace Crm.Tests.Domain.Customers;

public sealed class OfferTests
{
    private static PresentOffer Present(OfferKind kind = OfferKind.Upsell, DateTimeOffset? validUntil = null, string description = "Premium for 3 months at the Basic price") =>
        new(Id, OfferId, kind, "STREAM-PREMIUM", description, validUntil, null, Actors.Agent, Times.Minutes(5));

    private static AcceptOffer Accept(DateTimeOffset? now = null) => new(Id, OfferId, Actors.Agent, now ?? Times.Minutes(6));

    private static DeclineOffer Decline(string? reason = "Too expensive", DateTimeOffset? now = null) => new(Id, OfferId, reason, Actors.Agent, now ?? Times.Minutes(6));

    [Fact]
    public void GivenConsentingCustomer_WhenOfferPresented_ThenOfferPresented()
    {
        Given.Customer(Registered(), ConsentGiven())
            .When(Present(validUntil: Times.Days(7)))
            .Then(Offer(validUntil: Times.Days(7)))
            .ThenState(state => Assert.Equal(OfferStatus.Open, state.Offers[OfferId].Status));
    }

    [Theory]
    [InlineData(OfferKind.CrossSell)]
    [InlineData(OfferKind.Upsell)]
    [InlineData(OfferKind.Referral)]
    public void GivenCustomerWithoutMarketingConsent_WhenAMarketingOfferIsPresented_ThenNoMarketingConsent(OfferKind kind)
    {
        Given.Customer(Registered()).When(Present(kind)).ThenError(DomainErrors.OfferNoMarketingConsent);
    }

    [Fact]
    public void GivenCustomerWithoutMarketingConsent_WhenALoyaltyOfferIsPresented_ThenOfferPresented()
    {
        Given.Customer(Registered()).When(Present(OfferKind.Loyalty)).Then(Offer(OfferKind.Loyalty));
    }

    [Fact]
    public void GivenPresentedOffer_WhenPresentedAgain_ThenAlreadyPresented()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer()).When(Present()).ThenError(DomainErrors.OfferAlreadyPresented);
    }

    [Fact]
    public void GivenConsentingCustomer_WhenOfferExpiresBeforeItIsPresented_ThenValidityInPast()
    {
        Given.Customer(Registered(), ConsentGiven()).When(Present(validUntil: Times.Minutes(5))).ThenError(DomainErrors.OfferValidityInPast);
    }

    [Fact]
    public void GivenConsentingCustomer_WhenOfferHasNoDescription_ThenDescriptionRequired()
    {
        Given.Customer(Registered(), ConsentGiven()).When(Present(description: "")).ThenError(DomainErrors.OfferDescriptionRequired);
    }

    [Fact]
    public void GivenConsentingCustomer_WhenOfferKindIsUndefined_ThenValueUndefined()
    {
        Given.Customer(Registered(), ConsentGiven()).When(Present((OfferKind)4)).ThenError(DomainErrors.CommandValueUndefined);
    }

    [Fact]
    public void GivenConsentingCustomer_WhenOfferLinksAnEmptyCaseId_ThenIdEmpty()
    {
        Given.Customer(Registered(), ConsentGiven()).When(Present() with { CaseId = Guid.Empty }).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenErasedCustomer_WhenOfferPresented_ThenCustomerErased()
    {
        Given.Customer(Registered(), ConsentGiven(), Erased()).When(Present() with { Now = Times.Hours(2) }).ThenError(DomainErrors.CustomerErased);
    }

    [Fact]
    public void GivenPresentedOffer_WhenAccepted_ThenOfferAccepted()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer())
            .When(Accept())
            .Then(new OfferAccepted(Id, Times.Minutes(6), Actors.Agent, OfferId))
            .ThenState(state => Assert.Equal(OfferStatus.Accepted, state.Offers[OfferId].Status));
    }

    [Fact]
    public void GivenNoOffer_WhenAccepted_ThenOfferNotFound()
    {
        Given.Customer(Registered()).When(Accept()).ThenError(DomainErrors.OfferNotFound);
    }

    [Fact]
    public void GivenAcceptedOffer_WhenAcceptedAgain_ThenAlreadyAnswered()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer(), new OfferAccepted(Id, Times.Minutes(6), Actors.Agent, OfferId))
            .When(Accept())
            .ThenError(DomainErrors.OfferAlreadyAnswered);
    }

    [Fact]
    public void GivenDeclinedOffer_WhenAccepted_ThenAlreadyAnswered()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer(), new OfferDeclined(Id, Times.Minutes(6), Actors.Agent, OfferId, null))
            .When(Accept())
            .ThenError(DomainErrors.OfferAlreadyAnswered);
    }

    [Fact]
    public void GivenExpiredOffer_WhenAccepted_ThenOfferExpired()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer(validUntil: Times.Days(1)))
            .When(Accept(Times.Days(2)))
            .ThenError(DomainErrors.OfferExpired);
    }

    [Fact]
    public void GivenPresentedOffer_WhenDeclined_ThenOfferDeclinedWithTheReason()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer())
            .When(Decline())
            .Then(new OfferDeclined(Id, Times.Minutes(6), Actors.Agent, OfferId, "Too expensive"))
            .ThenState(state => Assert.Equal(OfferStatus.Declined, state.Offers[OfferId].Status));
    }

    [Fact]
    public void GivenPresentedOffer_WhenDeclinedWithoutReason_ThenOfferDeclined()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer()).When(Decline(" ")).Then(new OfferDeclined(Id, Times.Minutes(6), Actors.Agent, OfferId, null));
    }

    [Fact]
    public void GivenNoOffer_WhenDeclined_ThenOfferNotFound()
    {
        Given.Customer(Registered()).When(Decline()).ThenError(DomainErrors.OfferNotFound);
    }

    [Fact]
    public void GivenAcceptedOffer_WhenDeclined_ThenAlreadyAnswered()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer(), new OfferAccepted(Id, Times.Minutes(6), Actors.Agent, OfferId))
            .When(Decline())
            .ThenError(DomainErrors.OfferAlreadyAnswered);
    }

    [Fact]
    public void GivenExpiredOffer_WhenDeclined_ThenOfferExpired()
    {
        Given.Customer(Registered(), ConsentGiven(), Offer(validUntil: Times.Days(1)))
            .When(Decline(now: Times.Days(2)))
            .ThenError(DomainErrors.OfferExpired);
    }
}
