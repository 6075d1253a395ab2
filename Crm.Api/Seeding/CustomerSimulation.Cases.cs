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

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
