using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Api.Seeding;

internal sealed partial class CustomerSimulation
{
    /// <summary>
    /// A remedy: issued at once when the case's total stays within the handler's authority,
    /// otherwise requested for approval by someone whose limit covers it.
    /// </summary>
    private async Task RemedyAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Open || flow.State.HasPendingApproval)
        {
            Schedule(Max(flow.ResolveBy, Now.AddMinutes(30)), ct => ResolveAsync(flow, ct));
            return;
        }
        var kind = SeedCatalog.RemedyKinds(flow.Category).Pick(_random);
        if (kind == RemedyKind.Exchange && flow.Product.IsSubscription)
        {
            kind = RemedyKind.ServiceAdjustment;
        }
        var amount = kind switch
        {
            RemedyKind.Exchange => flow.Product.Price,
            RemedyKind.ServiceAdjustment => _random.Amount(_segment == Segment.Business ? 60 : 20, 0.6, 5m, 600m),
            _ => _random.Amount(_segment switch { Segment.Business => 85, Segment.Vip => 60, _ => 28 }, 0.8, 5m, 2500m),
        };
        // Never ask for more than anyone may approve (only matters when every limit is configured).
        if (new[] { ActorRole.Supervisor, ActorRole.Manager }.Select(Authority.LimitFor).All(l => l is not null))
        {
            var most = new[] { Authority.SupervisorLimit!.Value, Authority.ManagerLimit!.Value, Authority.AgentLimit ?? 0m }.Max();
            amount = Math.Min(amount, most - flow.State.RemedyTotal);
        }
        if (amount <= 0)
        {
            Schedule(Max(flow.ResolveBy, Now.AddMinutes(30)), ct => ResolveAsync(flow, ct));
            return;
        }
        var handler = flow.Handler;
        if (Authority.Covers(handler.Role, flow.State.RemedyTotal + amount))
        {
            await IssueAsync(flow, handler, kind, amount, cancellationToken);
            Schedule(Max(flow.ResolveBy, Now.AddMinutes(20)), ct => ResolveAsync(flow, ct));
            return;
        }
        var requestId = NewId();
        var (returned, replacement) = ExchangeSkus(flow.Product);
        var requested = await OnCaseAsync(flow, nameof(CrmCommands.RequestRemedyApprovalAsync), _commands.RequestRemedyApprovalAsync(
            As(handler),
            new RequestRemedyApprovalInput(
                flow.Id, kind, new MoneyInput(amount, null), SeedTexts.RemedyReason(_random, kind),
                kind == RemedyKind.Exchange ? returned : null,
                kind == RemedyKind.Exchange ? replacement : null,
                kind == RemedyKind.ServiceAdjustment ? SeedTexts.Adjustment(_random) : null)
            {
                RequestId = requestId,
            },
            cancellationToken));
        if (!requested)
        {
            return;
        }
        var wait = flow.ResolveBy > Now ? (flow.ResolveBy - Now) * _random.Double(0.1, 0.5) : TimeSpan.FromHours(_random.Double(1, 20));
        Schedule(Now + Max(wait, TimeSpan.FromMinutes(30)), ct => DecideAsync(flow, requestId, cancellationToken: ct));
    }

    /// <summary>A supervisor or manager approves (which issues the remedy) or rejects a pending request; after a rejection the agent often grants a small goodwill gesture.</summary>
    private async Task DecideAsync(CaseFlow flow, Guid requestId, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Closed
            || !flow.State.Approvals.TryGetValue(requestId, out var request)
            || request.Status != ApprovalStatus.Pending)
        {
            return;
        }
        var total = flow.State.RemedyTotal + request.Remedy.Value.Amount;
        var approver = Approver(flow, request.RequestedBy, total);
        if (approver is null)
        {
            return;
        }
        if (_random.Chance(0.78))
        {
            await OnCaseAsync(flow, nameof(CrmCommands.ApproveRemedyAsync), _commands.ApproveRemedyAsync(
                As(approver), new ApproveRemedyInput(flow.Id, requestId) { RemedyId = NewId() }, cancellationToken));
        }
        else if (await OnCaseAsync(flow, nameof(CrmCommands.RejectRemedyAsync), _commands.RejectRemedyAsync(
            As(approver), new RejectRemedyInput(flow.Id, requestId, SeedTexts.RejectionReason(_random)), cancellationToken)))
        {
            flow.Rejected = true;
            if (_random.Chance(0.5))
            {
                _clock.Advance(TimeSpan.FromMinutes(_random.Number(10, 120)));
                await GoodwillAsync(flow, cancellationToken);
            }
        }
        Schedule(Max(flow.ResolveBy, Now + TimeSpan.FromMinutes(_random.Number(20, 240))), ct => ResolveAsync(flow, ct));
    }

    /// <summary>The lowest-ranking person whose limit covers the case's total, other than the requester.</summary>
    private StaffMember? Approver(CaseFlow flow, Actor requester, decimal total)
    {
        if (requester.Role == ActorRole.Agent && Authority.Covers(ActorRole.Supervisor, total))
        {
            return _seed.Staff.Supervisor(_random, flow.Team);
        }
        if (!Authority.Covers(ActorRole.Manager, total))
        {
            return null;
        }
        var manager = _seed.Staff.Manager(_random);
        return manager.Id != requester.Id ? manager : _seed.Staff.Managers.First(m => m.Id != requester.Id);
    }

    /// <summary>A small credit or refund within the handler's own authority, when there is room left.</summary>
    private async Task GoodwillAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        var amount = _random.Amount(15, 0.5, 5m, 40m);
        var limit = Authority.LimitFor(flow.Handler.Role);
        if (limit is { } l)
        {
            amount = Math.Min(amount, l - flow.State.RemedyTotal);
        }
        if (amount >= 1m)
        {
            await IssueAsync(flow, flow.Handler, _random.Chance(0.5) ? RemedyKind.Refund : RemedyKind.ServiceAdjustment, amount, cancellationToken);
        }
    }

    private Task<bool> IssueAsync(CaseFlow flow, StaffMember by, RemedyKind kind, decimal amount, CancellationToken cancellationToken)
    {
        var value = new MoneyInput(amount, null);
        var reason = SeedTexts.RemedyReason(_random, kind);
        var remedyId = NewId();
        return kind switch
        {
            RemedyKind.Exchange => ExchangeAsync(ExchangeSkus(flow.Product)),
            RemedyKind.ServiceAdjustment => OnCaseAsync(flow, nameof(CrmCommands.AdjustServiceAsync), _commands.AdjustServiceAsync(
                As(by), new AdjustServiceInput(flow.Id, SeedTexts.Adjustment(_random), value, reason) { RemedyId = remedyId }, cancellationToken)),
            _ => OnCaseAsync(flow, nameof(CrmCommands.IssueRefundAsync), _commands.IssueRefundAsync(
                As(by), new IssueRefundInput(flow.Id, value, reason) { RemedyId = remedyId }, cancellationToken)),
        };

        Task<bool> ExchangeAsync((string Returned, string Replacement) skus) =>
            OnCaseAsync(flow, nameof(CrmCommands.ArrangeExchangeAsync), _commands.ArrangeExchangeAsync(
                As(by), new ArrangeExchangeInput(flow.Id, skus.Returned, skus.Replacement, value, reason) { RemedyId = remedyId }, cancellationToken));
    }

    /// <summary>A like-for-like replacement most of the time, otherwise the next model.</summary>
    private (string Returned, string Replacement) ExchangeSkus(SeedProduct product)
    {
        var index = Array.FindIndex(SeedCatalog.Devices, d => d.Sku == product.Sku);
        var replacement = index >= 0 && _random.Chance(0.3) ? SeedCatalog.Devices[(index + 1) % SeedCatalog.Devices.Length].Sku : product.Sku;
        return (product.Sku, replacement);
    }
}
