using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Policies;

namespace Crm.Api.Seeding;

internal sealed partial class CustomerSimulation
{
    /// <summary>One case as the simulation follows it: who handles it, when it should be resolved, and its state after the last command.</summary>
    private sealed class CaseFlow(Guid id, CaseKind kind, CaseCategory category, Channel channel, string team, SeedProduct product, TextSubject about, string subject, StaffMember owner)
    {
        public Guid Id { get; } = id;

        public CaseKind Kind { get; } = kind;

        public CaseCategory Category { get; } = category;

        public Channel Channel { get; } = channel;

        public string Team { get; } = team;

        public SeedProduct Product { get; } = product;

        public TextSubject About { get; } = about;

        public string Subject { get; } = subject;

        /// <summary>The agent the case belongs to.</summary>
        public StaffMember Owner { get; set; } = owner;

        /// <summary>Who works on it now: the owner, or the supervisor or manager it was escalated to.</summary>
        public StaffMember Handler { get; set; } = owner;

        public CaseState State { get; set; } = CaseState.Initial;

        /// <summary>When the current round of work should end in a resolution.</summary>
        public DateTimeOffset ResolveBy { get; set; }

        /// <summary>Whether a remedy approval was rejected (the customer is less happy).</summary>
        public bool Rejected { get; set; }
    }

    private AuthorityPolicy Authority => _seed.Policies.Authority;

    /// <summary>Runs a case command; the flow's state follows it.</summary>
    private async Task<bool> OnCaseAsync(CaseFlow flow, string command, Task<CommandReply<CaseState>> call)
    {
        var reply = await call;
        if (!Accepted(command, reply))
        {
            return false;
        }
        flow.State = reply.State ?? flow.State;
        return true;
    }

    /// <summary>The customer gets in touch with an inquiry, a complaint or a technical issue, and a case is opened.</summary>
    private async Task OpenCaseAsync(CaseKind kind, CancellationToken cancellationToken)
    {
        var category = (kind switch
        {
            CaseKind.Complaint => SeedCatalog.ComplaintCategories,
            CaseKind.TechnicalIssue => SeedCatalog.TechnicalCategories,
            _ => SeedCatalog.InquiryCategories,
        }).Pick(_random);
        var team = _segment == Segment.Vip && _random.Chance(0.6) ? SeedStaff.VipTeam : SeedStaff.TeamFor(category);
        var agent = _seed.Staff.Agent(_random, team);
        var channel = SeedCatalog.InboundChannels.Pick(_random);
        var priority = SeedCatalog.Priorities(kind).Pick(_random);
        if (_segment == Segment.Vip && priority != Priority.Urgent && _random.Chance(0.5))
        {
            priority++;
        }
        var product = CaseProduct(category);
        var about = TextSubject.Draw(_random, product.Name);
        var flow = new CaseFlow(NewId(), kind, category, channel, team, product, about, SeedTexts.Subject(_random, kind, category, about), agent);
        var description = SeedTexts.Description(_random, kind, category, about);
        var queue = SeedCatalog.QueueFor(channel, team, _segment);
        var topic = SeedTexts.Topic(kind, category);
        MaybeAbandonedBefore(channel, queue);
        var sla = _seed.Policies.Sla.For(priority);
        var startedAt = Now;
        var handling = HandlingTimes(channel, kind == CaseKind.Inquiry ? 0.9 : 1.4);

        if (channel.IsLive())
        {
            // Opened while the customer is on the line: the opening is the first response.
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.4));
            if (!await OpenAsync(flow, priority, description, cancellationToken))
            {
                return;
            }
            if (_random.Chance(0.75))
            {
                await AssignAsync(flow, agent, agent, cancellationToken);
            }
            var solvedOnTheSpot = _random.Chance(kind switch
            {
                CaseKind.Inquiry => 0.65,
                CaseKind.TechnicalIssue => 0.3,
                _ => 0.15,
            });
            if (solvedOnTheSpot)
            {
                _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.4));
                if (kind == CaseKind.Complaint)
                {
                    await GoodwillAsync(flow, cancellationToken);
                }
                solvedOnTheSpot = await ResolveNowAsync(flow, cancellationToken);
            }
            var summary = SeedTexts.ContactSummary(_random, opening: true, flow.Subject, about);
            if (!await LogContactAsync(agent, channel, Direction.Inbound, queue, topic, summary, startedAt, handling, flow.Id, cancellationToken))
            {
                return;
            }
            if (solvedOnTheSpot)
            {
                AfterResolution(flow);
                return;
            }
            PlanWork(flow, sla.Resolution);
            return;
        }

        // A message waits in the inbox until an agent picks it up; the first reply comes later.
        var pickup = TimeSpan.FromMinutes(channel switch
        {
            Channel.Email => _random.LogNormal(150, 0.8),
            Channel.SocialMedia => _random.LogNormal(45, 0.8),
            _ => _random.LogNormal(1200, 0.4),
        });
        _clock.AdvanceTo(startedAt + pickup);
        if (!await OpenAsync(flow, priority, description, cancellationToken))
        {
            return;
        }
        var written = SeedTexts.ContactSummary(_random, opening: true, flow.Subject, about);
        if (!await LogContactAsync(agent, channel, Direction.Inbound, queue, topic, written, startedAt, handling, flow.Id, cancellationToken))
        {
            return;
        }
        if (_random.Chance(0.6))
        {
            await AssignAsync(flow, agent, agent, cancellationToken);
        }
        var replyIn = _random.Chance(0.86) ? sla.FirstResponse * _random.Double(0.05, 0.9) : sla.FirstResponse * _random.Double(1.05, 2.5);
        Schedule(flow.State.OpenedAt + replyIn, ct => ReplyAsync(flow, ct));
        PlanWork(flow, sla.Resolution);
    }

    private Task<bool> OpenAsync(CaseFlow flow, Priority priority, string description, CancellationToken cancellationToken) =>
        OnCaseAsync(flow, nameof(CrmCommands.OpenCaseAsync), _commands.OpenCaseAsync(
            As(flow.Owner),
            new OpenCaseInput(CustomerId, flow.Kind, flow.Category, priority, flow.Channel, flow.Subject, description, _locale.Currency) { CaseId = flow.Id },
            cancellationToken));

    /// <summary><paramref name="by"/> assigns the case to <paramref name="agent"/> in the case's team; the agent handles it from then on.</summary>
    private async Task AssignAsync(CaseFlow flow, StaffMember by, StaffMember agent, CancellationToken cancellationToken)
    {
        if (await OnCaseAsync(flow, nameof(CrmCommands.AssignCaseAsync), _commands.AssignCaseAsync(
            As(by), new AssignCaseInput(flow.Id, agent.Id, flow.Team), cancellationToken)))
        {
            flow.Handler = agent;
            if (agent.Role == ActorRole.Agent)
            {
                flow.Owner = agent;
            }
        }
    }

    /// <summary>Sets when the case should be resolved (most within the SLA target, some late) and plans the work towards it.</summary>
    private void PlanWork(CaseFlow flow, TimeSpan target)
    {
        var late = _random.Chance(flow.Kind == CaseKind.Complaint ? 0.2 : 0.14);
        var resolveIn = late ? target * _random.Double(1.05, 2.5) : target * _random.Double(0.15, 0.95);
        flow.ResolveBy = Now + (resolveIn < TimeSpan.FromMinutes(20) ? TimeSpan.FromMinutes(20) : resolveIn);
        Schedule(Now + ((flow.ResolveBy - Now) * _random.Double(0.1, 0.35)), ct => WorkAsync(flow, ct));
    }

    /// <summary>The investigation: assignment, notes, escalation to a department or up the tiers, then a remedy or straight to the resolution.</summary>
    private async Task WorkAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Open)
        {
            return;
        }
        if (flow.State.Assignee is null)
        {
            if (_random.Chance(0.6))
            {
                await AssignAsync(flow, _seed.Staff.Supervisor(_random, flow.Team), _seed.Staff.Agent(_random, flow.Team), cancellationToken);
            }
            else
            {
                await OnCaseAsync(flow, nameof(CrmCommands.AssignCaseAsync), _commands.AssignCaseAsync(
                    As(flow.Handler), new AssignCaseInput(flow.Id, null, flow.Team), cancellationToken));
            }
        }
        if (_random.Chance(0.6))
        {
            _clock.Advance(TimeSpan.FromMinutes(_random.Number(2, 30)));
            await AddNoteAsync(flow, flow.Handler, NoteVisibility.Internal, cancellationToken);
        }
        var department = SeedCatalog.DepartmentFor(flow.Category);
        if (flow.State.Department != department && _random.Chance(flow.Kind switch
        {
            CaseKind.Complaint => 0.35,
            CaseKind.TechnicalIssue => 0.5,
            _ => 0.05,
        }))
        {
            _clock.Advance(TimeSpan.FromMinutes(_random.Number(5, 90)));
            await OnCaseAsync(flow, nameof(CrmCommands.EscalateCaseAsync), _commands.EscalateCaseAsync(
                As(flow.Handler), new EscalateCaseInput(flow.Id, null, department, SeedTexts.DepartmentReason(_random, department)), cancellationToken));
        }
        var tierChance = flow.Kind switch
        {
            CaseKind.Complaint => _segment == Segment.Vip ? 0.35 : 0.18,
            CaseKind.TechnicalIssue => 0.08,
            _ => 0.0,
        };
        if (flow.State.Tier is null && flow.Handler.Role == ActorRole.Agent && _random.Chance(tierChance))
        {
            await EscalateUpAsync(flow, cancellationToken);
        }
        if (_random.Chance(0.35))
        {
            _clock.Advance(TimeSpan.FromMinutes(_random.Number(5, 120)));
            await AddNoteAsync(flow, flow.Handler, NoteVisibility.CustomerFacing, cancellationToken);
        }
        if (flow.Kind != CaseKind.Inquiry && _random.Chance(0.25))
        {
            Schedule(Now + ((flow.ResolveBy - Now) * _random.Double(0.2, 0.8)), ct => ChaseAsync(flow, ct));
        }
        var remedy = flow.Kind switch
        {
            CaseKind.Complaint => 0.72,
            CaseKind.TechnicalIssue => 0.22,
            _ => 0.0,
        };
        if (_random.Chance(remedy))
        {
            Schedule(Now + ((flow.ResolveBy - Now) * _random.Double(0.2, 0.6)), ct => RemedyAsync(flow, ct));
        }
        else
        {
            Schedule(flow.ResolveBy, ct => ResolveAsync(flow, ct));
        }
    }

    /// <summary>The agent hands the case to a supervisor, who sometimes takes it on to a manager.</summary>
    private async Task EscalateUpAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        _clock.Advance(TimeSpan.FromMinutes(_random.Number(5, 60)));
        if (!await OnCaseAsync(flow, nameof(CrmCommands.EscalateCaseAsync), _commands.EscalateCaseAsync(
            As(flow.Handler), new EscalateCaseInput(flow.Id, EscalationTier.Supervisor, null, SeedTexts.TierReason(_random, EscalationTier.Supervisor)), cancellationToken)))
        {
            return;
        }
        var supervisor = _seed.Staff.Supervisor(_random, flow.Team);
        _clock.Advance(TimeSpan.FromMinutes(_random.Number(10, 180)));
        await AssignAsync(flow, supervisor, supervisor, cancellationToken);
        if (!_random.Chance(0.25))
        {
            return;
        }
        _clock.Advance(TimeSpan.FromMinutes(_random.Number(30, 240)));
        if (await OnCaseAsync(flow, nameof(CrmCommands.EscalateCaseAsync), _commands.EscalateCaseAsync(
            As(supervisor), new EscalateCaseInput(flow.Id, EscalationTier.Manager, null, SeedTexts.TierReason(_random, EscalationTier.Manager)), cancellationToken)))
        {
            var manager = _seed.Staff.Manager(_random);
            _clock.Advance(TimeSpan.FromMinutes(_random.Number(10, 240)));
            await AssignAsync(flow, manager, manager, cancellationToken);
        }
    }

    private Task<bool> AddNoteAsync(CaseFlow flow, StaffMember by, NoteVisibility visibility, CancellationToken cancellationToken) =>
        OnCaseAsync(flow, nameof(CrmCommands.AddCaseNoteAsync), _commands.AddCaseNoteAsync(
            As(by),
            new AddCaseNoteInput(flow.Id, visibility == NoteVisibility.Internal ? SeedTexts.InternalNote(_random, flow.About) : SeedTexts.CustomerReply(_random, flow.About), visibility),
            cancellationToken));

    /// <summary>The first written reply to a message, unless something else answered the customer already.</summary>
    private async Task ReplyAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Closed || flow.State.FirstResponseAt is not null)
        {
            return;
        }
        await AddNoteAsync(flow, flow.Handler, NoteVisibility.CustomerFacing, cancellationToken);
    }

    /// <summary>The customer chases progress: another contact about the case.</summary>
    private async Task ChaseAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Open)
        {
            return;
        }
        var channel = _random.ArrayElement(new[] { Channel.Phone, Channel.Phone, Channel.Email, Channel.Chat });
        var agent = _seed.Staff.Agent(_random, flow.Team);
        var queue = SeedCatalog.QueueFor(channel, flow.Team, _segment);
        MaybeAbandonedBefore(channel, queue);
        var startedAt = Now;
        var handling = HandlingTimes(channel, 0.8);
        await LogContactAsync(agent, channel, Direction.Inbound, queue, SeedTexts.Topic(flow.Kind, flow.Category),
            SeedTexts.ContactSummary(_random, opening: false, flow.Subject, flow.About), startedAt, handling, flow.Id, cancellationToken);
        if (_random.Chance(0.4))
        {
            await AddNoteAsync(flow, agent, NoteVisibility.CustomerFacing, cancellationToken);
        }
    }

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

    /// <summary>The resolution, sometimes announced in a call to the customer when the case came in writing.</summary>
    private async Task ResolveAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Open)
        {
            return;
        }
        if (flow.State.HasPendingApproval)
        {
            Schedule(Now.AddHours(2), ct => ResolveAsync(flow, ct));
            return;
        }
        if (!flow.Channel.IsLive() && flow.Kind != CaseKind.Inquiry && _random.Chance(0.4))
        {
            var startedAt = Now;
            var handling = HandlingTimes(Channel.Phone, 0.8);
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.8));
            if (!await ResolveNowAsync(flow, cancellationToken))
            {
                return;
            }
            await LogContactAsync(flow.Handler, Channel.Phone, Direction.Outbound, null, SeedTexts.Topic(flow.Kind, flow.Category),
                $"Called the customer about '{flow.Subject}': explained the outcome.", startedAt, handling, flow.Id, cancellationToken);
        }
        else if (!await ResolveNowAsync(flow, cancellationToken))
        {
            return;
        }
        AfterResolution(flow);
    }

    private Task<bool> ResolveNowAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        var rootCause = SeedCatalog.RootCauses(flow.Kind, flow.Category).Pick(_random);
        return OnCaseAsync(flow, nameof(CrmCommands.ResolveCaseAsync), _commands.ResolveCaseAsync(
            As(flow.Handler), new ResolveCaseInput(flow.Id, SeedTexts.Resolution(_random, flow.Kind, rootCause), rootCause), cancellationToken));
    }

    /// <summary>What follows a resolution: a reopening, or a follow-up, a survey answer and the closing.</summary>
    private void AfterResolution(CaseFlow flow)
    {
        var reopen = flow.State.ReopenCount == 0 && _random.Chance(flow.Kind switch
        {
            CaseKind.Complaint => flow.Rejected ? 0.2 : 0.09,
            CaseKind.TechnicalIssue => 0.08,
            _ => 0.03,
        });
        if (reopen)
        {
            // Surveys, follow-ups and the closing wait for the final resolution.
            Schedule(_random.OfficeTime(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(_random.Number(1, 10))), ct => ReopenAsync(flow, ct));
            return;
        }
        var closeAfter = Now;
        if (_random.Chance(flow.Kind switch
        {
            CaseKind.Complaint => 0.35,
            CaseKind.TechnicalIssue => 0.3,
            _ => 0.08,
        }))
        {
            var due = _random.OfficeTime(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(_random.Number(2, 7)), quieterWeekends: false);
            var followUpId = NewId();
            Schedule(Now, ct => ScheduleFollowUpAsync(flow, followUpId, due, ct));
            closeAfter = due + TimeSpan.FromHours(_random.Double(0, 6));
            Schedule(closeAfter, ct => CompleteFollowUpAsync(flow, followUpId, ct));
        }
        if (!flow.State.SatisfactionRecorded && _random.Chance(0.45))
        {
            Schedule(Now + _random.Between(TimeSpan.FromHours(2), TimeSpan.FromDays(4)), ct => SurveyAsync(flow, ct));
        }
        if (_random.Chance(0.85))
        {
            Schedule(Max(Now + _random.Between(TimeSpan.FromDays(2), TimeSpan.FromDays(14)), closeAfter + _random.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2))), ct => CloseAsync(flow, ct));
        }
    }

    private async Task ScheduleFollowUpAsync(CaseFlow flow, Guid followUpId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Closed || due <= Now)
        {
            return;
        }
        await OnCaseAsync(flow, nameof(CrmCommands.ScheduleFollowUpAsync), _commands.ScheduleFollowUpAsync(
            As(flow.Handler),
            new ScheduleFollowUpInput(flow.Id, due, _random.Chance(0.7) ? Channel.Phone : Channel.Email, SeedTexts.FollowUpNote(_random)) { FollowUpId = followUpId },
            cancellationToken));
    }

    /// <summary>The follow-up takes place, often as a call to the customer.</summary>
    private async Task CompleteFollowUpAsync(CaseFlow flow, Guid followUpId, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Closed || !flow.State.FollowUps.TryGetValue(followUpId, out var followUp) || followUp.IsCompleted)
        {
            return;
        }
        var satisfied = _random.Chance(flow.Rejected ? 0.55 : 0.82);
        var note = SeedTexts.FollowUpOutcome(_random, satisfied);
        if (followUp.Channel == Channel.Phone)
        {
            var startedAt = Now;
            var handling = HandlingTimes(Channel.Phone, 0.5);
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.9));
            if (await CompleteAsync())
            {
                await LogContactAsync(flow.Handler, Channel.Phone, Direction.Outbound, null, "Follow-up", note, startedAt, handling, flow.Id, cancellationToken);
            }
            return;
        }
        await CompleteAsync();

        Task<bool> CompleteAsync() => OnCaseAsync(flow, nameof(CrmCommands.CompleteFollowUpAsync), _commands.CompleteFollowUpAsync(
            As(flow.Handler), new CompleteFollowUpInput(flow.Id, followUpId, satisfied, note), cancellationToken));
    }

    /// <summary>The customer comes back: the problem is not solved after all. The case is reopened and worked again.</summary>
    private async Task ReopenAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Resolved)
        {
            return;
        }
        BeginEpisode();
        var channel = _random.ArrayElement(new[] { Channel.Phone, Channel.Email, Channel.Chat });
        var agent = _seed.Staff.Agent(_random, flow.Team);
        var queue = SeedCatalog.QueueFor(channel, flow.Team, _segment);
        MaybeAbandonedBefore(channel, queue);
        var startedAt = Now;
        var handling = HandlingTimes(channel, 1.0);
        _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.5));
        if (!await OnCaseAsync(flow, nameof(CrmCommands.ReopenCaseAsync), _commands.ReopenCaseAsync(
            As(agent), new ReopenCaseInput(flow.Id, SeedTexts.ReopenReason(_random)), cancellationToken)))
        {
            return;
        }
        await LogContactAsync(agent, channel, Direction.Inbound, queue, SeedTexts.Topic(flow.Kind, flow.Category),
            SeedTexts.ContactSummary(_random, opening: false, flow.Subject, flow.About), startedAt, handling, flow.Id, cancellationToken);
        flow.ResolveBy = Now + _random.Between(TimeSpan.FromHours(4), TimeSpan.FromDays(4));
        if (flow.Kind != CaseKind.Inquiry && _random.Chance(0.3))
        {
            Schedule(Now + ((flow.ResolveBy - Now) * _random.Double(0.2, 0.6)), ct => RemedyAsync(flow, ct));
        }
        else
        {
            Schedule(flow.ResolveBy, ct => ResolveAsync(flow, ct));
        }
    }

    /// <summary>The customer answers the survey: CSAT and/or NPS, lower after rejections, reopenings and missed SLAs.</summary>
    private async Task SurveyAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status == CaseStatus.Open || flow.State.SatisfactionRecorded)
        {
            return;
        }
        var mood = 0.0;
        mood -= flow.Kind == CaseKind.Complaint ? 0.35 : 0.0;
        mood -= flow.Rejected ? 0.8 : 0.0;
        mood -= flow.State.ReopenCount > 0 ? 0.6 : 0.0;
        mood -= flow.State.FirstResponseBreached || flow.State.ResolutionBreached ? 0.5 : 0.0;
        mood += flow.State.Remedies.Count > 0 ? 0.3 : 0.0;
        var csat = (int)Math.Clamp(Math.Round(_random.Normal(4.45 + mood, 0.95)), 1, 5);
        var nps = (int)Math.Clamp(Math.Round(((csat - 1) * 2.3) + _random.Normal(0.6, 1.2)), 0, 10);
        var asked = _random.Double();
        var (answerCsat, answerNps) = asked < 0.6 ? (csat, nps) : asked < 0.88 ? ((int?)csat, (int?)null) : (null, nps);
        await OnCaseAsync(flow, nameof(CrmCommands.RecordSatisfactionAsync), _commands.RecordSatisfactionAsync(
            As(flow.Owner), new RecordSatisfactionInput(flow.Id, answerCsat, answerNps, SeedTexts.SurveyComment(_random, answerCsat, answerNps)), cancellationToken));
    }

    private async Task CloseAsync(CaseFlow flow, CancellationToken cancellationToken)
    {
        if (flow.State.Status != CaseStatus.Resolved || flow.State.HasOpenFollowUp || flow.State.HasPendingApproval)
        {
            return;
        }
        await OnCaseAsync(flow, nameof(CrmCommands.CloseCaseAsync), _commands.CloseCaseAsync(As(flow.Handler), new CloseCaseInput(flow.Id), cancellationToken));
    }

    /// <summary>The product a case is about: one the customer owns when there is one (a device for faults and warranty), else one from the catalogue.</summary>
    private SeedProduct CaseProduct(CaseCategory? category)
    {
        var needsDevice = category is CaseCategory.DefectiveProduct or CaseCategory.Warranty or CaseCategory.TechnicalFault;
        var owned = _customer.Products.Values
            .OrderBy(p => p.Id)
            .Select(p => SeedCatalog.BySku.GetValueOrDefault(p.Sku))
            .OfType<SeedProduct>()
            .Where(p => !needsDevice || !p.IsSubscription)
            .ToArray();
        if (owned.Length > 0 && _random.Chance(0.8))
        {
            return _random.ArrayElement(owned);
        }
        return needsDevice || _random.Chance(0.6) ? _random.ArrayElement(SeedCatalog.Devices) : _random.ArrayElement(SeedCatalog.Subscriptions);
    }

    /// <summary>A like-for-like replacement most of the time, otherwise the next model.</summary>
    private (string Returned, string Replacement) ExchangeSkus(SeedProduct product)
    {
        var index = Array.FindIndex(SeedCatalog.Devices, d => d.Sku == product.Sku);
        var replacement = index >= 0 && _random.Chance(0.3) ? SeedCatalog.Devices[(index + 1) % SeedCatalog.Devices.Length].Sku : product.Sku;
        return (product.Sku, replacement);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
