using Crm.Api.Application;
using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Api.Seeding;

internal sealed partial class CustomerSimulation
{
    private readonly Dictionary<Guid, (Guid ProductId, string Plan)> _upsells = [];
    private readonly Dictionary<Guid, SeedProduct> _crossSells = [];

    /// <summary>How long a contact took: talking (or writing), on hold, and wrapping up afterwards.</summary>
    private readonly record struct Handling(int Talk, int Hold, int WrapUp)
    {
        public TimeSpan Duration => TimeSpan.FromSeconds(Talk + Hold + WrapUp);
    }

    /// <summary>Handle times as contact centres see them per channel; <paramref name="complexity"/> stretches the talk time.</summary>
    private Handling HandlingTimes(Channel channel, double complexity) => channel switch
    {
        Channel.Phone => new(
            _random.Seconds(300 * complexity, 0.55, 40, 3600),
            _random.Chance(0.45) ? _random.Seconds(60, 0.7, 5, 900) : 0,
            _random.Seconds(60, 0.5, 10, 600)),
        Channel.Chat => new(
            _random.Seconds(540 * complexity, 0.5, 60, 3600),
            _random.Chance(0.25) ? _random.Seconds(45, 0.6, 5, 600) : 0,
            _random.Seconds(45, 0.5, 10, 400)),
        Channel.InPerson => new(
            _random.Seconds(420 * complexity, 0.5, 60, 3600),
            _random.Chance(0.2) ? _random.Seconds(120, 0.6, 10, 900) : 0,
            _random.Seconds(60, 0.5, 10, 600)),
        Channel.Email => new(_random.Seconds(240 * complexity, 0.5, 30, 1800), 0, _random.Seconds(30, 0.5, 5, 300)),
        Channel.SocialMedia => new(_random.Seconds(150 * complexity, 0.5, 20, 1200), 0, _random.Seconds(20, 0.5, 5, 300)),
        _ => new(_random.Seconds(420 * complexity, 0.4, 60, 2400), 0, _random.Seconds(90, 0.5, 10, 600)),
    };

    /// <summary>Logs a contact once the agent has wrapped it up (the clock moves to its end first).</summary>
    private Task<bool> LogContactAsync(
        StaffMember agent, Channel channel, Direction direction, string? queue, string topic, string summary,
        DateTimeOffset startedAt, Handling handling, Guid? caseId, CancellationToken cancellationToken)
    {
        _clock.AdvanceTo(startedAt + handling.Duration);
        return OnCustomerAsync(nameof(CrmCommands.LogInteractionAsync), _commands.LogInteractionAsync(
            As(agent),
            new LogInteractionInput(
                CustomerId, channel, direction, direction == Direction.Inbound ? queue : null, topic, summary, startedAt,
                handling.Talk, handling.Hold, handling.WrapUp, caseId)
            {
                InteractionId = NewId(),
            },
            cancellationToken));
    }

    /// <summary>
    /// Before a contact in a live queue gets through, the customer sometimes gave up on an earlier
    /// attempt that day; the queue records that attempt (recognised by the number three times in five).
    /// </summary>
    private void MaybeAbandonedBefore(Channel channel, string? queue)
    {
        if (queue is null || !channel.IsQueued())
        {
            return;
        }
        var chance = channel switch
        {
            Channel.Phone => 0.08,
            Channel.Chat => 0.06,
            Channel.SocialMedia => 0.03,
            _ => 0.02,
        };
        if (!_random.Chance(chance))
        {
            return;
        }
        var wait = channel == Channel.Phone ? _random.Seconds(95, 0.7, 5, 1800) : _random.Seconds(70, 0.7, 5, 1200);
        var entered = Now - TimeSpan.FromSeconds(_random.Number(60, 1800) + wait);
        if (entered < _dayStart || entered <= RegisteredAt)
        {
            return;
        }
        var recognised = _random.Chance(0.6);
        var caller = channel switch
        {
            Channel.Phone when recognised => _customer.Phones.Count > 0 ? _customer.Phones[0] : null,
            Channel.Phone => _random.Chance(0.5) ? _random.Replace(_locale.MobileFormat) : null,
            Channel.Chat when recognised => _customer.Emails.Count > 0 ? _customer.Emails[0] : null,
            _ => null,
        };
        _abandoned.Add(new AbandonedCall(queue, channel, entered, wait, caller, recognised ? CustomerId : null, SeedIds.Version7(_random, entered)));
    }

    /// <summary>A question answered on the spot, without a case; sometimes the agent presents an offer.</summary>
    private async Task QuickQuestionAsync(CancellationToken cancellationToken)
    {
        var channel = SeedCatalog.InboundChannels.Pick(_random);
        var team = _segment == Segment.Vip && _random.Chance(0.6) ? SeedStaff.VipTeam : SeedStaff.CareTeam;
        var agent = _seed.Staff.Agent(_random, team);
        var queue = SeedCatalog.QueueFor(channel, team, _segment);
        MaybeAbandonedBefore(channel, queue);
        var about = TextSubject.Draw(_random, CaseProduct(null).Name);
        var (topic, summary) = SeedTexts.QuickContact(_random, about);
        var startedAt = Now;
        var handling = HandlingTimes(channel, 0.6);
        if (channel.IsLive() && _random.Chance(0.2))
        {
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.8));
            await PresentOfferAsync(agent, answerNow: 0.4, cancellationToken);
        }
        await LogContactAsync(agent, channel, Direction.Inbound, queue, topic, summary, startedAt, handling, null, cancellationToken);
    }

    /// <summary>An agent calls the customer with an offer.</summary>
    private async Task OutboundOfferAsync(CancellationToken cancellationToken)
    {
        var agent = _seed.Staff.Agent(_random, _segment == Segment.Vip ? SeedStaff.VipTeam : SeedStaff.CareTeam);
        var startedAt = Now;
        var handling = HandlingTimes(Channel.Phone, 0.7);
        _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.7));
        var offer = await PresentOfferAsync(agent, answerNow: 0.5, cancellationToken);
        if (offer is not null)
        {
            await LogContactAsync(agent, Channel.Phone, Direction.Outbound, null, "Offer", SeedTexts.OfferContactSummary(_random, offer), startedAt, handling, null, cancellationToken);
        }
    }

    /// <summary>
    /// Presents an offer the customer may receive: with marketing consent any kind (an upsell only
    /// to an active subscription below the top plan), without it only a loyalty offer. Returns its
    /// description, or null when none was presented.
    /// </summary>
    private async Task<string?> PresentOfferAsync(StaffMember agent, double answerNow, CancellationToken cancellationToken)
    {
        var consent = _customer.Preferences?.MarketingConsent == true;
        var upsellable = _customer.Products.Values
            .Where(p => p.Subscription == SubscriptionStatus.Active && SeedCatalog.BySku.TryGetValue(p.Sku, out var s) && Array.IndexOf(s.Plans, p.Plan) is var i && i >= 0 && i < s.Plans.Length - 1)
            .OrderBy(p => p.Id)
            .ToArray();
        var kind = consent
            ? new Weighted<OfferKind>((OfferKind.Upsell, upsellable.Length > 0 ? 35 : 0), (OfferKind.CrossSell, 35), (OfferKind.Referral, 12), (OfferKind.Loyalty, 18)).Pick(_random)
            : OfferKind.Loyalty;
        string? sku = null;
        var target = "";
        (Guid ProductId, string Plan)? upsell = null;
        SeedProduct? crossSell = null;
        switch (kind)
        {
            case OfferKind.Upsell:
                var product = _random.ArrayElement(upsellable);
                var plans = SeedCatalog.BySku[product.Sku].Plans;
                target = plans[Array.IndexOf(plans, product.Plan) + 1];
                sku = product.Sku;
                upsell = (product.Id, target);
                break;
            case OfferKind.CrossSell:
                var owned = _customer.Products.Values.Select(p => p.Sku).ToHashSet(StringComparer.Ordinal);
                var candidates = SeedCatalog.Devices.Where(d => !owned.Contains(d.Sku)).ToArray();
                crossSell = candidates.Length > 0 ? _random.ArrayElement(candidates) : _random.ArrayElement(SeedCatalog.Devices);
                sku = crossSell.Sku;
                target = crossSell.Name;
                break;
            default:
                break;
        }
        var description = SeedTexts.OfferDescription(_random, kind, target);
        DateTimeOffset? validUntil = kind == OfferKind.Referral ? null : Now.AddDays(_random.Number(14, 30));
        var offerId = NewId();
        var presented = await OnCustomerAsync(nameof(CrmCommands.PresentOfferAsync), _commands.PresentOfferAsync(
            As(agent), new PresentOfferInput(CustomerId, kind, sku, description, validUntil, null) { OfferId = offerId }, cancellationToken));
        if (!presented)
        {
            return null;
        }
        if (upsell is { } u)
        {
            _upsells[offerId] = u;
        }
        if (crossSell is not null)
        {
            _crossSells[offerId] = crossSell;
        }
        if (_random.Chance(answerNow))
        {
            _clock.Advance(TimeSpan.FromSeconds(_random.Number(20, 90)));
            await RespondToOfferAsync(offerId, agent, contact: false, cancellationToken);
        }
        else if (_random.Chance(0.55))
        {
            var window = (validUntil ?? Now.AddDays(20)) - Now - TimeSpan.FromHours(2);
            var later = TimeSpan.FromHours(1) + (window * Math.Min(1.0, _random.Double(0.0, 0.6)));
            Schedule(Now + later, ct => RespondToOfferAsync(offerId, _seed.Staff.Agent(_random, SeedStaff.CareTeam), contact: true, ct));
        }
        return description;
    }

    /// <summary>The customer accepts or declines an offer; an accepted upsell changes the plan, an accepted cross-sell is often bought.</summary>
    private async Task RespondToOfferAsync(Guid offerId, StaffMember agent, bool contact, CancellationToken cancellationToken)
    {
        if (!_customer.Offers.TryGetValue(offerId, out var offer) || offer.Status != OfferStatus.Open || offer.ValidUntil is { } until && Now > until)
        {
            return;
        }
        if (contact)
        {
            BeginEpisode();
        }
        var accepted = _random.Chance(offer.Kind switch
        {
            OfferKind.Loyalty => 0.6,
            OfferKind.Upsell => 0.3,
            OfferKind.CrossSell => 0.25,
            _ => 0.2,
        });
        var startedAt = Now;
        var handling = HandlingTimes(Channel.Phone, 0.4);
        if (contact)
        {
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.7));
        }
        var answered = await OnCustomerAsync(nameof(CrmCommands.RespondToOfferAsync), _commands.RespondToOfferAsync(
            As(agent), new RespondToOfferInput(CustomerId, offerId, accepted, accepted ? null : SeedTexts.DeclineReason(_random)), cancellationToken));
        if (!answered)
        {
            return;
        }
        if (accepted && _upsells.TryGetValue(offerId, out var upsell)
            && _customer.Products.TryGetValue(upsell.ProductId, out var product)
            && product.Subscription is SubscriptionStatus.Active or SubscriptionStatus.Paused
            && !string.Equals(product.Plan, upsell.Plan, StringComparison.Ordinal))
        {
            await OnCustomerAsync(nameof(CrmCommands.ChangeSubscriptionAsync), _commands.ChangeSubscriptionAsync(
                As(agent), new ChangeSubscriptionInput(CustomerId, upsell.ProductId, SubscriptionChangeKind.PlanChanged, upsell.Plan, null), cancellationToken));
        }
        if (accepted && _crossSells.TryGetValue(offerId, out var device) && _random.Chance(0.7))
        {
            await RegisterProductAsync(agent, device, DateOnly.FromDateTime(Now.UtcDateTime), cancellationToken);
        }
        if (contact && _random.Chance(0.5))
        {
            await LogContactAsync(agent, Channel.Phone, Direction.Inbound, "Care line", "Offer",
                accepted ? "Customer called to take up the offer." : "Customer called to say no to the offer.", startedAt, handling, null, cancellationToken);
        }
    }
}
