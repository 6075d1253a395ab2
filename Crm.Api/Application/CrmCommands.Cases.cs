using Crm.Domain.Cases;

namespace Crm.Api.Application;

internal sealed partial class CrmCommands
{
    public Task<CommandReply<CaseState>> OpenCaseAsync(CommandContext context, OpenCaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caseId = input.CaseId ?? _newId();
        return OnCaseAsync(
            context, caseId, input, nameof(OpenCase),
            (actor, now, _) => new OpenCase(
                caseId, input.CustomerId, input.Kind, input.Category, input.Priority, input.Channel, input.Subject, input.Description,
                input.Currency, Policies.Sla, actor, now),
            caseId, cancellationToken, openingFor: input.CustomerId);
    }

    public Task<CommandReply<CaseState>> AssignCaseAsync(CommandContext context, AssignCaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(AssignCase),
            (actor, now, _) => new AssignCase(input.CaseId, input.AgentId, input.Team, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> EscalateCaseAsync(CommandContext context, EscalateCaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(EscalateCase),
            (actor, now, _) => new EscalateCase(input.CaseId, input.Tier, input.Department, input.Reason, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> AddCaseNoteAsync(CommandContext context, AddCaseNoteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(AddCaseNote),
            (actor, now, _) => new AddCaseNote(input.CaseId, input.Text, input.Visibility, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> IssueRefundAsync(CommandContext context, IssueRefundInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var remedyId = input.RemedyId ?? _newId();
        return OnCaseAsync(
            context, input.CaseId, input, nameof(IssueRefund),
            (actor, now, state) => ToMoney(input.Amount, state.Currency, "amount") switch
            {
                { Error: { } error } => error,
                var money => new IssueRefund(input.CaseId, remedyId, money.Command!, input.Reason, Policies.Authority, actor, now),
            },
            remedyId, cancellationToken);
    }

    public Task<CommandReply<CaseState>> ArrangeExchangeAsync(CommandContext context, ArrangeExchangeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var remedyId = input.RemedyId ?? _newId();
        return OnCaseAsync(
            context, input.CaseId, input, nameof(ArrangeExchange),
            (actor, now, state) => ToMoney(input.Value, state.Currency, "value") switch
            {
                { Error: { } error } => error,
                var money => new ArrangeExchange(
                    input.CaseId, remedyId, input.ReturnedSku, input.ReplacementSku, money.Command!, input.Reason, Policies.Authority, actor, now),
            },
            remedyId, cancellationToken);
    }

    public Task<CommandReply<CaseState>> AdjustServiceAsync(CommandContext context, AdjustServiceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var remedyId = input.RemedyId ?? _newId();
        return OnCaseAsync(
            context, input.CaseId, input, nameof(AdjustService),
            (actor, now, state) => ToMoney(input.Value, state.Currency, "value") switch
            {
                { Error: { } error } => error,
                var money => new AdjustService(input.CaseId, remedyId, input.Adjustment, money.Command!, input.Reason, Policies.Authority, actor, now),
            },
            remedyId, cancellationToken);
    }

    public Task<CommandReply<CaseState>> RequestRemedyApprovalAsync(CommandContext context, RequestRemedyApprovalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requestId = input.RequestId ?? _newId();
        return OnCaseAsync(
            context, input.CaseId, input, nameof(RequestRemedyApproval),
            (actor, now, state) => ToMoney(input.Value, state.Currency, "value") switch
            {
                { Error: { } error } => error,
                var money => new RequestRemedyApproval(
                    input.CaseId,
                    requestId,
                    new RemedyProposal(input.Kind, money.Command!, input.Reason, input.ReturnedSku, input.ReplacementSku, input.Adjustment),
                    Policies.Authority,
                    actor,
                    now),
            },
            requestId, cancellationToken);
    }

    public Task<CommandReply<CaseState>> ApproveRemedyAsync(CommandContext context, ApproveRemedyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var remedyId = input.RemedyId ?? _newId();
        return OnCaseAsync(
            context, input.CaseId, input, nameof(ApproveRemedy),
            (actor, now, _) => new ApproveRemedy(input.CaseId, input.RequestId, remedyId, Policies.Authority, actor, now),
            remedyId, cancellationToken);
    }

    public Task<CommandReply<CaseState>> RejectRemedyAsync(CommandContext context, RejectRemedyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(RejectRemedy),
            (actor, now, _) => new RejectRemedy(input.CaseId, input.RequestId, input.Reason, Policies.Authority, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> ResolveCaseAsync(CommandContext context, ResolveCaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(ResolveCase),
            (actor, now, _) => new ResolveCase(input.CaseId, input.Resolution, input.RootCause, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> ReopenCaseAsync(CommandContext context, ReopenCaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(ReopenCase),
            (actor, now, _) => new ReopenCase(input.CaseId, input.Reason, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> ScheduleFollowUpAsync(CommandContext context, ScheduleFollowUpInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var followUpId = input.FollowUpId ?? _newId();
        return OnCaseAsync(
            context, input.CaseId, input, nameof(ScheduleFollowUp),
            (actor, now, _) => new ScheduleFollowUp(input.CaseId, followUpId, input.DueAt, input.Channel, input.Note, actor, now),
            followUpId, cancellationToken);
    }

    public Task<CommandReply<CaseState>> CompleteFollowUpAsync(CommandContext context, CompleteFollowUpInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(CompleteFollowUp),
            (actor, now, _) => new CompleteFollowUp(input.CaseId, input.FollowUpId, input.CustomerSatisfied, input.Note, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> RecordSatisfactionAsync(CommandContext context, RecordSatisfactionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(RecordSatisfaction),
            (actor, now, _) => new RecordSatisfaction(input.CaseId, input.Csat, input.Nps, input.Comment, actor, now),
            null, cancellationToken);
    }

    public Task<CommandReply<CaseState>> CloseCaseAsync(CommandContext context, CloseCaseInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return OnCaseAsync(
            context, input.CaseId, input, nameof(CloseCase),
            (actor, now, _) => new CloseCase(input.CaseId, actor, now),
            null, cancellationToken);
    }
}
