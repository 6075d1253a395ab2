using Crm.Domain.Common;

namespace Crm.Domain.Customers;

public static partial class CustomerDecider
{
    private static Decision<CustomerEvent> RegisterProduct(RegisterProduct command, CustomerState state, DateTimeOffset now)
    {
        var error = Check.Id(command.ProductId, "productId")
            ?? Check.Required(command.Sku, "sku", DomainErrors.ProductSkuRequired, "The product's SKU must not be blank.", TextLimits.Line)
            ?? Check.Required(command.Name, "name", DomainErrors.ProductNameRequired, "The product's name must not be blank.", TextLimits.Line)
            ?? Check.Length(command.Plan, "plan", TextLimits.Line);
        if (error is not null)
        {
            return error;
        }
        if (state.Products.ContainsKey(command.ProductId))
        {
            return new DomainError(DomainErrors.ProductAlreadyRegistered, $"Product {command.ProductId} is already registered for this customer.", "productId");
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (command.PurchasedOn > today)
        {
            return new DomainError(DomainErrors.ProductPurchaseInFuture, $"The purchase date {command.PurchasedOn:yyyy-MM-dd} is later than today ({today:yyyy-MM-dd}).", "purchasedOn");
        }
        if (command.WarrantyUntil < command.PurchasedOn)
        {
            return new DomainError(DomainErrors.ProductWarrantyBeforePurchase, $"The warranty would end on {command.WarrantyUntil:yyyy-MM-dd}, before the purchase on {command.PurchasedOn:yyyy-MM-dd}.", "warrantyUntil");
        }
        return new ProductRegistered(
            command.CustomerId, now, command.Actor, command.ProductId, command.Sku.Trim(), command.Name.Trim(),
            command.PurchasedOn, command.WarrantyUntil, Check.Clean(command.Plan));
    }

    private static Decision<CustomerEvent> ChangeSubscription(ChangeSubscription command, CustomerState state, DateTimeOffset now)
    {
        var error = Check.Id(command.ProductId, "productId") ?? Check.Defined(command.Change, "change");
        if (error is not null)
        {
            return error;
        }
        if (!state.Products.TryGetValue(command.ProductId, out var product))
        {
            return new DomainError(DomainErrors.ProductNotFound, $"The customer has no product {command.ProductId}.", "productId");
        }
        if (product.Subscription == SubscriptionStatus.None)
        {
            return new DomainError(DomainErrors.ProductNotSubscription, $"{product.Name} ({product.Sku}) is a one-off purchase, not a subscription.", "productId");
        }
        if (product.Subscription == SubscriptionStatus.Cancelled)
        {
            return new DomainError(DomainErrors.SubscriptionCancelled, $"The subscription to {product.Name} is cancelled; register a new subscription instead.", "productId");
        }
        if (command.EffectiveOn < product.PurchasedOn)
        {
            return new DomainError(DomainErrors.SubscriptionEffectiveBeforePurchase, $"The change would take effect on {command.EffectiveOn:yyyy-MM-dd}, before the purchase on {product.PurchasedOn:yyyy-MM-dd}.", "effectiveOn");
        }
        var plan = product.Plan;
        switch (command.Change)
        {
            case SubscriptionChangeKind.PlanChanged:
                error = Check.Required(command.Plan, "plan", DomainErrors.SubscriptionPlanRequired, "A plan change must name the new plan.", TextLimits.Line);
                if (error is not null)
                {
                    return error;
                }
                plan = command.Plan!.Trim();
                if (string.Equals(plan, product.Plan, StringComparison.Ordinal))
                {
                    return new DomainError(DomainErrors.SubscriptionSamePlan, $"The subscription to {product.Name} is already on plan {plan}.", "plan");
                }
                break;
            case SubscriptionChangeKind.Paused when product.Subscription != SubscriptionStatus.Active:
                return new DomainError(DomainErrors.SubscriptionNotActive, $"The subscription to {product.Name} is {product.Subscription}; only an active subscription can be paused.", "change");
            case SubscriptionChangeKind.Resumed when product.Subscription != SubscriptionStatus.Paused:
                return new DomainError(DomainErrors.SubscriptionNotPaused, $"The subscription to {product.Name} is {product.Subscription}; only a paused subscription can be resumed.", "change");
            default:
                break;
        }
        return new SubscriptionChanged(command.CustomerId, now, command.Actor, product.Id, command.Change, product.Plan, plan, command.EffectiveOn);
    }
}
