using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Queues;

namespace Crm.Api.Application;

internal sealed partial class CrmCommands
{
    public Task<CommandReply<CustomerState>> RegisterCustomerAsync(CommandContext context, RegisterCustomerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = input.CustomerId ?? _newId();
        return OnCustomerAsync(
            context, id, input, nameof(RegisterCustomer),
            (actor, now, _) => new RegisterCustomer(id, input.Name, input.Emails, input.Phones, input.Address, input.Language, input.Segment, input.Channel, actor, now),
            id, null, cancellationToken);
    }

    public Task<CommandReply<CustomerState>> ChangeContactDetailsAsync(CommandContext context, ChangeContactDetailsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCustomerAsync(
            context, input.CustomerId, input, nameof(ChangeContactDetails),
            (actor, now, _) => new ChangeContactDetails(input.CustomerId, input.Name, input.Emails, input.Phones, input.Address, actor, now),
            null, null, cancellationToken);
    }

    public Task<CommandReply<CustomerState>> ChangePreferencesAsync(CommandContext context, ChangePreferencesInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCustomerAsync(
            context, input.CustomerId, input, nameof(ChangePreferences),
            (actor, now, _) => new ChangePreferences(input.CustomerId, input.PreferredChannel, input.Language, input.MarketingConsent, input.ContactHours, actor, now),
            null, null, cancellationToken);
    }

    public Task<CommandReply<CustomerState>> RegisterProductAsync(CommandContext context, RegisterProductInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var productId = input.ProductId ?? _newId();
        return OnCustomerAsync(
            context, input.CustomerId, input, nameof(RegisterProduct),
            (actor, now, _) => new RegisterProduct(input.CustomerId, productId, input.Sku, input.Name, input.PurchasedOn, input.WarrantyUntil, input.Plan, actor, now),
            productId, null, cancellationToken);
    }

    public Task<CommandReply<CustomerState>> ChangeSubscriptionAsync(CommandContext context, ChangeSubscriptionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCustomerAsync(
            context, input.CustomerId, input, nameof(ChangeSubscription),
            (actor, now, _) => new ChangeSubscription(
                input.CustomerId, input.ProductId, input.Change, input.Plan, input.EffectiveOn ?? DateOnly.FromDateTime(now.UtcDateTime), actor, now),
            null, null, cancellationToken);
    }

    public Task<CommandReply<CustomerState>> LogInteractionAsync(CommandContext context, LogInteractionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var interactionId = input.InteractionId ?? _newId();
        return OnCustomerAsync(
            context, input.CustomerId, input, nameof(LogInteraction),
            (actor, now, _) => new LogInteraction(
                input.CustomerId, interactionId, input.Channel, input.Direction, input.Queue, input.AgentId ?? actor.Id, input.Topic, input.Summary,
                input.StartedAt ?? now, input.TalkSeconds, input.HoldSeconds, input.WrapUpSeconds, input.CaseId, actor, now),
            interactionId,
            input.CaseId is null ? null : ct => CaseOfCustomerAsync(input.CaseId, input.CustomerId, ct),
            cancellationToken);
    }

    public Task<CommandReply<CustomerState>> PresentOfferAsync(CommandContext context, PresentOfferInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var offerId = input.OfferId ?? _newId();
        return OnCustomerAsync(
            context, input.CustomerId, input, nameof(PresentOffer),
            (actor, now, _) => new PresentOffer(input.CustomerId, offerId, input.Kind, input.ProductSku, input.Description, input.ValidUntil, input.CaseId, actor, now),
            offerId,
            input.CaseId is null ? null : ct => CaseOfCustomerAsync(input.CaseId, input.CustomerId, ct),
            cancellationToken);
    }

    public Task<CommandReply<CustomerState>> RespondToOfferAsync(CommandContext context, RespondToOfferInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Accepted
            ? OnCustomerAsync(
                context, input.CustomerId, input, nameof(AcceptOffer),
                (actor, now, _) => new AcceptOffer(input.CustomerId, input.OfferId, actor, now),
                null, null, cancellationToken)
            : OnCustomerAsync(
                context, input.CustomerId, input, nameof(DeclineOffer),
                (actor, now, _) => new DeclineOffer(input.CustomerId, input.OfferId, input.Reason, actor, now),
                null, null, cancellationToken);
    }

    public Task<CommandReply<CustomerState>> EraseCustomerDataAsync(CommandContext context, EraseCustomerDataInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCustomerAsync(
            context, input.CustomerId, input, nameof(EraseCustomerData),
            (actor, now, _) => new EraseCustomerData(input.CustomerId, input.Reason, actor, now),
            null, null, cancellationToken);
    }

    /// <summary>Records a contact that left a queue before an agent answered (the System role, for telephony, may do this too).</summary>
    public async Task<CommandReply<QueueState>> RecordAbandonedContactAsync(CommandContext context, RecordAbandonedContactInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var queue = input.Queue ?? "";
        var streamId = CrmStreams.Queue(queue);
        if (Preflight(context, input, systemAllowed: true) is { } refused)
        {
            return Refused<QueueState>(streamId, refused);
        }
        if (string.IsNullOrWhiteSpace(queue))
        {
            return Refused<QueueState>(streamId, new DomainError(DomainErrors.QueueNameRequired, "The queue's name must not be blank.", "queue"));
        }
        // The name becomes the stream id, which is read before the decider could check its length.
        if (queue.Trim().Length > TextLimits.Line)
        {
            return Refused<QueueState>(streamId, new DomainError(DomainErrors.TextTooLong, $"The queue has {queue.Trim().Length} characters; at most {TextLimits.Line} are allowed.", "queue"));
        }
        if (input.CustomerId is { } customerId && customerId != Guid.Empty && await CustomerWritableAsync(customerId, cancellationToken) is { } notWritable)
        {
            return Refused<QueueState>(streamId, notWritable);
        }
        var contactId = input.ContactId ?? _newId();
        var now = _time.GetUtcNow();
        var command = new RecordAbandonedContact(
            queue, contactId, input.Channel, input.EnteredAt, input.WaitSeconds, input.CallerAddress, input.CustomerId, context.Actor, now);
        return await HandleAsync(
            streamId, null, QueueAggregate, input, context, nameof(RecordAbandonedContact), now, "queue", contactId, s => s.Name is not null,
            state => QueueDecider.Decide(command, state), cancellationToken);
    }
}
