using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Projections.Engine;
using Npgsql;

namespace Crm.Projections.Cases;

/// <summary>
/// The case read model (inline): one <c>case_view</c> row per case with every field of SPEC
/// section 4, plus its escalations and remedies. The first response is the first event that
/// <see cref="CaseRules.IsResponse"/> calls one, the same rule the decisions use.
/// </summary>
/// <remarks>
/// SLA status per clock: <c>Met</c> when the first response (or first resolution) came at or before
/// its due time, <c>Breached</c> when an <see cref="SlaBreached"/> was recorded or it came later,
/// <c>Pending</c> until either happens. Contacts are the logged interactions linked to the case;
/// one may be projected before the case is opened (another stream), so it creates the row, which
/// has no status until <see cref="CaseOpened"/> fills it in.
/// </remarks>
internal sealed partial class CaseViewProjection : IReadModelProjection
{
    /// <summary>What a case subject reads once the customer is erased.</summary>
    public const string ErasedSubject = "erased";

    private readonly Statements _sql;
    private readonly bool _soleWriter;

    /// <param name="schema">The schema whose tables the projection writes.</param>
    /// <param name="soleWriter">
    /// Whether nothing else writes those tables (a rebuild's): only then are large batches folded in
    /// memory. On the live tables a concurrent append may change or create a row between the read
    /// and the write of a fold, which the event-by-event statements (each an atomic change of the
    /// current row) never lose.
    /// </param>
    public CaseViewProjection(ReadModelSchema schema, bool soleWriter = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _sql = new Statements(schema);
        _soleWriter = soleWriter;
    }

    public string Name => "crm.case_view";

    public ProjectionMode Mode => ProjectionMode.Inline;

    public IReadOnlyList<string> Tables { get; } = ["case_view", "case_escalation", "case_remedy"];

    /// <summary>
    /// On a sole writer's tables, batches above this many events are folded per case in memory and
    /// written in one upsert (two round trips, but one row write per case instead of several per
    /// event); smaller ones, and every batch on the live tables, are applied statement by statement
    /// (one round trip: what an append's inline projection sends).
    /// </summary>
    internal const int FoldAbove = 16;

    public Task ApplyAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return _soleWriter && events.Count > FoldAbove
            ? ApplyFoldedAsync(events, connection, transaction, cancellationToken)
            : ApplyEventByEventAsync(events, connection, transaction, cancellationToken);
    }

    private Task ApplyEventByEventAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var batch = new SqlBatch();
        foreach (var projected in events)
        {
            switch (projected.Event)
            {
                case CaseEvent e:
                    AddCase(batch, e, projected);
                    break;
                case InteractionLogged { CaseId: { } caseId } e:
                    batch.Add(_sql.Contact, Sql.Uuid(caseId), Sql.Uuid(e.CustomerId));
                    break;
                case CustomerDataErased e:
                    batch.Add(_sql.Erase, Sql.Uuid(e.CustomerId));
                    break;
                default:
                    break;
            }
        }
        return batch.ExecuteAsync(connection, transaction, cancellationToken);
    }

    private void AddCase(SqlBatch batch, CaseEvent @event, ProjectedEvent projected)
    {
        // A parameter belongs to one statement, so each statement gets its own.
        NpgsqlParameter Id() => Sql.Uuid(@event.CaseId);
        var at = projected.OccurredAt;
        switch (@event)
        {
            case CaseOpened e:
                var live = CaseRules.IsResponse(e);
                batch.Add(
                    _sql.Open,
                    Id(), Sql.Uuid(e.CustomerId), Sql.Text(e.Kind.ToString()), Sql.Text(e.Category.ToString()), Sql.Text(e.Priority.ToString()),
                    Sql.Text(e.Channel.ToString()), Sql.Text(e.Subject), Sql.Text(e.Currency), Sql.Timestamp(at), Sql.Uuid(e.By.Id), Sql.Text(e.By.Name),
                    Sql.Timestamp(e.FirstResponseDue), Sql.Timestamp(e.ResolutionDue),
                    Sql.Timestamp(live ? at : null), Sql.Long(live ? 0 : null), Sql.Text((live ? SlaStatus.Met : SlaStatus.Pending).ToString()));
                break;
            case CaseAssigned e:
                batch.Add(_sql.Assign, Id(), Sql.Uuid(e.AgentId), Sql.Text(e.Team));
                break;
            case CaseEscalated e:
                batch.Add(_sql.Escalate, Id(), Sql.Text(e.Tier?.ToString()), Sql.Text(e.Department?.ToString()));
                AddEscalation(batch, e, projected);
                break;
            case CaseNoteAdded:
                batch.Add(_sql.Note, Id());
                break;
            case RefundIssued e:
                AddRemedy(batch, e, projected, RemedyKind.Refund, e.RemedyId, e.Amount, e.ApprovalRequestId);
                break;
            case ExchangeArranged e:
                AddRemedy(batch, e, projected, RemedyKind.Exchange, e.RemedyId, e.Value, e.ApprovalRequestId);
                break;
            case ServiceAdjusted e:
                AddRemedy(batch, e, projected, RemedyKind.ServiceAdjustment, e.RemedyId, e.Value, e.ApprovalRequestId);
                break;
            case RemedyApprovalRequested:
                batch.Add(_sql.PendingApprovals, Id(), Sql.Int(1));
                break;
            case RemedyApproved or RemedyRejected:
                batch.Add(_sql.PendingApprovals, Id(), Sql.Int(-1));
                break;
            case CaseResolved e:
                batch.Add(_sql.Resolve, Id(), Sql.Timestamp(at), Sql.Text(e.RootCause.ToString()));
                break;
            case CaseReopened:
                batch.Add(_sql.Reopen, Id());
                break;
            case FollowUpScheduled:
                batch.Add(_sql.OpenFollowUps, Id(), Sql.Int(1));
                break;
            case FollowUpCompleted:
                batch.Add(_sql.OpenFollowUps, Id(), Sql.Int(-1));
                break;
            case SatisfactionRecorded e:
                batch.Add(_sql.Satisfaction, Id(), Sql.Int(e.Csat), Sql.Int(e.Nps), Sql.Timestamp(at));
                break;
            case CaseClosed:
                batch.Add(_sql.Close, Id(), Sql.Timestamp(at));
                break;
            case SlaBreached e:
                batch.Add(e.Kind == SlaKind.FirstResponse ? _sql.FirstResponseBreached : _sql.ResolutionBreached, Id());
                break;
            default:
                break;
        }
        if (@event is not CaseOpened && CaseRules.IsResponse(@event))
        {
            batch.Add(_sql.Response, Id(), Sql.Timestamp(at));
        }
        batch.Add(_sql.Touch, Id(), Sql.Timestamp(at), Sql.Long(projected.StreamVersion));
    }

    private void AddRemedy(SqlBatch batch, CaseEvent e, ProjectedEvent projected, RemedyKind kind, Guid remedyId, Money value, Guid? approvalRequestId)
    {
        // A parameter belongs to one statement, so each statement gets its own.
        NpgsqlParameter Id() => Sql.Uuid(e.CaseId);
        batch.Add(_sql.RemedyTotals, Id(), Sql.Numeric(value.Amount), Sql.Bool(kind == RemedyKind.Refund));
        AddRemedyRow(batch, e, projected, kind, remedyId, value, approvalRequestId);
    }

    private void AddEscalation(SqlBatch batch, CaseEscalated e, ProjectedEvent projected) =>
        batch.Add(
            _sql.Escalation,
            Sql.Uuid(e.CaseId), Sql.Long(projected.Position), Sql.Timestamp(projected.OccurredAt), Sql.Text(e.Tier?.ToString()), Sql.Text(e.Department?.ToString()),
            Sql.Text(e.Reason), Sql.Uuid(e.By.Id), Sql.Text(e.By.Name), Sql.Text(e.By.Role.ToString()));

    private void AddRemedyRow(SqlBatch batch, CaseEvent e, ProjectedEvent projected, RemedyKind kind, Guid remedyId, Money value, Guid? approvalRequestId)
    {
        batch.Add(
            _sql.Remedy,
            Sql.Uuid(e.CaseId), Sql.Uuid(remedyId), Sql.Long(projected.Position), Sql.Text(kind.ToString()), Sql.Numeric(value.Amount), Sql.Text(value.Currency),
            Sql.Timestamp(projected.OccurredAt), Sql.Uuid(e.By.Id), Sql.Text(e.By.Name), Sql.Text(e.By.Role.ToString()), Sql.Uuid(approvalRequestId));
    }
}
