using Crm.Domain.Common;
using Crm.Domain.Customers;
using static Crm.Tests.Domain.CustomerHistory;

namespace Crm.Tests.Domain.Customers;

public sealed class ProductAndSubscriptionTests
{
    private static RegisterProduct RegisterKettle(
        string sku = "KETTLE-2000",
        string name = "Kettle 2000",
        DateOnly? purchasedOn = null,
        DateOnly? warrantyUntil = null,
        Guid? productId = null) =>
        new(Id, productId ?? ProductId, sku, name, purchasedOn ?? new DateOnly(2025, 1, 10), warrantyUntil ?? new DateOnly(2027, 1, 10), null, Actors.Agent, Times.Minutes(2));

    private static ChangeSubscription Change(SubscriptionChangeKind change, string? plan = null, DateOnly? effectiveOn = null, Guid? productId = null) =>
        new(Id, productId ?? SubscriptionId, change, plan, effectiveOn ?? new DateOnly(2025, 3, 3), Actors.Agent, Times.Minutes(3));

    [Fact]
    public void GivenRegisteredCustomer_WhenProductRegistered_ThenProductRegistered()
    {
        Given.Customer(Registered())
            .When(RegisterKettle())
            .Then(Product())
            .ThenState(state => Assert.Equal(SubscriptionStatus.None, state.Products[ProductId].Subscription));
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenProductWithAPlanRegistered_ThenItIsAnActiveSubscription()
    {
        var command = new RegisterProduct(Id, SubscriptionId, "STREAM", "Streaming", new DateOnly(2025, 1, 1), null, " Basic ", Actors.Agent, Times.Minutes(2));

        Given.Customer(Registered())
            .When(command)
            .Then(Subscription())
            .ThenState(state => Assert.Equal(SubscriptionStatus.Active, state.Products[SubscriptionId].Subscription));
    }

    [Fact]
    public void GivenRegisteredProduct_WhenRegisteredAgain_ThenAlreadyRegistered()
    {
        Given.Customer(Registered(), Product()).When(RegisterKettle()).ThenError(DomainErrors.ProductAlreadyRegistered);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenProductHasBlankSku_ThenSkuRequired()
    {
        Given.Customer(Registered()).When(RegisterKettle(sku: " ")).ThenError(DomainErrors.ProductSkuRequired);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenProductHasBlankName_ThenNameRequired()
    {
        Given.Customer(Registered()).When(RegisterKettle(name: "")).ThenError(DomainErrors.ProductNameRequired);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenProductIsPurchasedTomorrow_ThenPurchaseInFuture()
    {
        Given.Customer(Registered()).When(RegisterKettle(purchasedOn: new DateOnly(2025, 3, 4))).ThenError(DomainErrors.ProductPurchaseInFuture);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenWarrantyEndsBeforePurchase_ThenWarrantyBeforePurchase()
    {
        Given.Customer(Registered()).When(RegisterKettle(warrantyUntil: new DateOnly(2024, 12, 31))).ThenError(DomainErrors.ProductWarrantyBeforePurchase);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenPlanIsOverlong_ThenTextTooLong()
    {
        Given.Customer(Registered()).When(RegisterKettle() with { Plan = new string('p', TextLimits.Line + 1) }).ThenError(DomainErrors.TextTooLong);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenProductIdIsEmpty_ThenIdEmpty()
    {
        Given.Customer(Registered()).When(RegisterKettle(productId: Guid.Empty)).ThenError(DomainErrors.CommandIdEmpty);
    }

    [Fact]
    public void GivenErasedCustomer_WhenProductRegistered_ThenCustomerErased()
    {
        Given.Customer(Registered(), Erased()).When(RegisterKettle()).ThenError(DomainErrors.CustomerErased);
    }

    [Fact]
    public void GivenActiveSubscription_WhenPlanChanged_ThenSubscriptionChanged()
    {
        Given.Customer(Registered(), Subscription())
            .When(Change(SubscriptionChangeKind.PlanChanged, "Premium"))
            .Then(SubscriptionChange(SubscriptionChangeKind.PlanChanged, "Basic", "Premium"))
            .ThenState(state => Assert.Equal("Premium", state.Products[SubscriptionId].Plan));
    }

    [Fact]
    public void GivenActiveSubscription_WhenChangedToTheSamePlan_ThenSamePlan()
    {
        Given.Customer(Registered(), Subscription()).When(Change(SubscriptionChangeKind.PlanChanged, "Basic")).ThenError(DomainErrors.SubscriptionSamePlan);
    }

    [Fact]
    public void GivenActiveSubscription_WhenPlanChangeNamesNoPlan_ThenPlanRequired()
    {
        Given.Customer(Registered(), Subscription()).When(Change(SubscriptionChangeKind.PlanChanged, " ")).ThenError(DomainErrors.SubscriptionPlanRequired);
    }

    [Fact]
    public void GivenActiveSubscription_WhenPaused_ThenSubscriptionPaused()
    {
        Given.Customer(Registered(), Subscription())
            .When(Change(SubscriptionChangeKind.Paused))
            .Then(SubscriptionChange(SubscriptionChangeKind.Paused))
            .ThenState(state => Assert.Equal(SubscriptionStatus.Paused, state.Products[SubscriptionId].Subscription));
    }

    [Fact]
    public void GivenPausedSubscription_WhenPausedAgain_ThenNotActive()
    {
        Given.Customer(Registered(), Subscription(), SubscriptionChange(SubscriptionChangeKind.Paused))
            .When(Change(SubscriptionChangeKind.Paused))
            .ThenError(DomainErrors.SubscriptionNotActive);
    }

    [Fact]
    public void GivenPausedSubscription_WhenResumed_ThenSubscriptionActiveAgain()
    {
        Given.Customer(Registered(), Subscription(), SubscriptionChange(SubscriptionChangeKind.Paused))
            .When(Change(SubscriptionChangeKind.Resumed))
            .Then(SubscriptionChange(SubscriptionChangeKind.Resumed))
            .ThenState(state => Assert.Equal(SubscriptionStatus.Active, state.Products[SubscriptionId].Subscription));
    }

    [Fact]
    public void GivenActiveSubscription_WhenResumed_ThenNotPaused()
    {
        Given.Customer(Registered(), Subscription()).When(Change(SubscriptionChangeKind.Resumed)).ThenError(DomainErrors.SubscriptionNotPaused);
    }

    [Fact]
    public void GivenActiveSubscription_WhenRenewed_ThenSubscriptionRenewed()
    {
        Given.Customer(Registered(), Subscription()).When(Change(SubscriptionChangeKind.Renewed, "ignored")).Then(SubscriptionChange(SubscriptionChangeKind.Renewed));
    }

    [Fact]
    public void GivenActiveSubscription_WhenCancelled_ThenSubscriptionCancelled()
    {
        Given.Customer(Registered(), Subscription())
            .When(Change(SubscriptionChangeKind.Cancelled))
            .Then(SubscriptionChange(SubscriptionChangeKind.Cancelled))
            .ThenState(state => Assert.Equal(SubscriptionStatus.Cancelled, state.Products[SubscriptionId].Subscription));
    }

    [Theory]
    [InlineData(SubscriptionChangeKind.Renewed)]
    [InlineData(SubscriptionChangeKind.Resumed)]
    [InlineData(SubscriptionChangeKind.PlanChanged)]
    public void GivenCancelledSubscription_WhenChangedAgain_ThenSubscriptionCancelledError(SubscriptionChangeKind change)
    {
        Given.Customer(Registered(), Subscription(), SubscriptionChange(SubscriptionChangeKind.Cancelled))
            .When(Change(change, "Premium"))
            .ThenError(DomainErrors.SubscriptionCancelled);
    }

    [Fact]
    public void GivenOneOffPurchase_WhenSubscriptionChanged_ThenNotSubscription()
    {
        Given.Customer(Registered(), Product()).When(Change(SubscriptionChangeKind.Paused, productId: ProductId)).ThenError(DomainErrors.ProductNotSubscription);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenAnUnknownSubscriptionIsChanged_ThenProductNotFound()
    {
        Given.Customer(Registered()).When(Change(SubscriptionChangeKind.Paused)).ThenError(DomainErrors.ProductNotFound);
    }

    [Fact]
    public void GivenActiveSubscription_WhenChangeTakesEffectBeforePurchase_ThenEffectiveBeforePurchase()
    {
        Given.Customer(Registered(), Subscription())
            .When(Change(SubscriptionChangeKind.Paused, effectiveOn: new DateOnly(2024, 12, 1)))
            .ThenError(DomainErrors.SubscriptionEffectiveBeforePurchase);
    }

    [Fact]
    public void GivenActiveSubscription_WhenChangeKindIsUndefined_ThenValueUndefined()
    {
        Given.Customer(Registered(), Subscription()).When(Change((SubscriptionChangeKind)9)).ThenError(DomainErrors.CommandValueUndefined);
    }
}
