using Crm.Domain.Cases;
using Crm.Domain.Customers;
using Crm.Projections.Engine;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections.Cases;

/// <summary>
/// The batch path of a sole writer: a large batch (a rebuild's page) folds its events per case in memory,
/// starting from the rows as stored (read once for the cases the batch touches), and writes every
/// touched row once in one multi-row upsert. Each fold step mirrors one statement of
/// <see cref="Statements"/>, with the same arithmetic, so the rows equal those of the event-by-event
/// path whatever the batch boundaries.
/// </summary>
internal sealed partial class CaseViewProjection
{
    private async Task ApplyFoldedAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(events, connection, transaction, cancellationToken);
        var batch = new SqlBatch();
        foreach (var projected in events)
        {
            switch (projected.Event)
            {
                case CaseEvent e:
                    Fold(rows, batch, e, projected);
                    break;
                case InteractionLogged { CaseId: { } caseId } e:
                    if (rows[caseId] is { } contacted)
                    {
                        contacted.Contacts++;
                    }
                    else
                    {
                        rows[caseId] = new CaseRow { CaseId = caseId, CustomerId = e.CustomerId, Contacts = 1 };
                    }
                    break;
                case CustomerDataErased e:
                    // Rows outside the batch are erased by the statement; rows in it are erased here
                    // (at this point of the batch) and written whole by the upsert that follows it.
                    batch.Add(_sql.Erase, Sql.Uuid(e.CustomerId));
                    foreach (var erased in rows.Values)
                    {
                        if (erased is not null && erased.CustomerId == e.CustomerId && erased.Subject is not null)
                        {
                            erased.Subject = ErasedSubject;
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        CaseRow[] written = [.. rows.Values.OfType<CaseRow>()];
        if (written.Length > 0)
        {
            batch.Add(_sql.Upsert, CaseRow.Arrays(written));
        }
        await batch.ExecuteAsync(connection, transaction, cancellationToken);
    }

    /// <summary>The stored rows of every case the batch names; <c>null</c> for a case with no row yet.</summary>
    private async Task<Dictionary<Guid, CaseRow?>> LoadAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<Guid, CaseRow?>();
        foreach (var projected in events)
        {
            var caseId = projected.Event switch
            {
                CaseEvent e => e.CaseId,
                InteractionLogged e => e.CaseId,
                _ => null,
            };
            if (caseId is { } id)
            {
                rows.TryAdd(id, null);
            }
        }
        if (rows.Count == 0)
        {
            return rows;
        }
        await using var command = new NpgsqlCommand(_sql.Load, connection, transaction);
        command.Parameters.Add(Sql.Array(NpgsqlDbType.Uuid, rows.Keys.ToArray()));
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = CaseRow.Read(reader);
            rows[row.CaseId] = row;
        }
        return rows;
    }

    private void Fold(Dictionary<Guid, CaseRow?> rows, SqlBatch batch, CaseEvent @event, ProjectedEvent projected)
    {
        var at = EventTime.Of(projected.OccurredAt);
        var row = rows[@event.CaseId];
        if (@event is CaseOpened opened)
        {
            row ??= rows[@event.CaseId] = new CaseRow { CaseId = @event.CaseId };
            Open(row, opened, at);
        }
        // The escalation and remedy rows are inserted whether or not the case row exists, as the
        // event-by-event path does.
        switch (@event)
        {
            case CaseEscalated e:
                AddEscalation(batch, e, projected);
                break;
            case RefundIssued e:
                AddRemedyRow(batch, e, projected, RemedyKind.Refund, e.RemedyId, e.Amount, e.ApprovalRequestId);
                break;
            case ExchangeArranged e:
                AddRemedyRow(batch, e, projected, RemedyKind.Exchange, e.RemedyId, e.Value, e.ApprovalRequestId);
                break;
            case ServiceAdjusted e:
                AddRemedyRow(batch, e, projected, RemedyKind.ServiceAdjustment, e.RemedyId, e.Value, e.ApprovalRequestId);
                break;
            default:
                break;
        }
        if (row is null)
        {
            // Today's statements are updates of a missing row: they change nothing.
            return;
        }
        switch (@event)
        {
            case CaseAssigned e:
                row.AssigneeAgentId = e.AgentId;
                row.AssigneeTeam = e.Team;
                break;
            case CaseEscalated e:
                row.Escalations++;
                row.EscalationTier = e.Tier?.ToString() ?? row.EscalationTier;
                row.EscalationDepartment = e.Department?.ToString() ?? row.EscalationDepartment;
                break;
            case CaseNoteAdded:
                row.Notes++;
                break;
            case RefundIssued e:
                AddRemedyTotals(row, e.Amount.Amount, refund: true);
                break;
            case ExchangeArranged e:
                AddRemedyTotals(row, e.Value.Amount, refund: false);
                break;
            case ServiceAdjusted e:
                AddRemedyTotals(row, e.Value.Amount, refund: false);
                break;
            case RemedyApprovalRequested:
                row.PendingApprovals++;
                break;
            case RemedyApproved or RemedyRejected:
                row.PendingApprovals--;
                break;
            case CaseResolved e:
                Resolve(row, e, at);
                break;
            case CaseReopened:
                row.Status = "Open";
                row.ResolvedAt = null;
                row.ResolutionSeconds = null;
                row.ReopenCount++;
                break;
            case FollowUpScheduled:
                row.OpenFollowUps++;
                break;
            case FollowUpCompleted:
                row.OpenFollowUps--;
                break;
            case SatisfactionRecorded e:
                row.Csat = e.Csat;
                row.Nps = e.Nps;
                row.SatisfactionAt = at;
                break;
            case CaseClosed:
                row.Status = "Closed";
                row.ClosedAt = at;
                break;
            case SlaBreached { Kind: SlaKind.FirstResponse }:
                row.FirstResponseSla = row.FirstResponseSla == Pending ? Breached : row.FirstResponseSla;
                break;
            case SlaBreached:
                row.ResolutionSla = row.ResolutionSla == Pending ? Breached : row.ResolutionSla;
                break;
            default:
                break;
        }
        if (@event is not CaseOpened && CaseRules.IsResponse(@event))
        {
            Respond(row, at);
        }
        row.LastEventAt = at;
        row.Version = projected.StreamVersion;
    }

    private static void Open(CaseRow row, CaseOpened e, DateTimeOffset at)
    {
        // Everything but the contacts and the later counters, as the opening upsert sets them.
        var live = CaseRules.IsResponse(e);
        row.CustomerId = e.CustomerId;
        row.Status = "Open";
        row.Kind = e.Kind.ToString();
        row.Category = e.Category.ToString();
        row.Priority = e.Priority.ToString();
        row.Channel = e.Channel.ToString();
        row.Subject = e.Subject;
        row.Currency = e.Currency;
        row.OpenedAt = at;
        row.OpenedById = e.By.Id;
        row.OpenedByName = e.By.Name;
        row.FirstResponseDue = Of(e.FirstResponseDue);
        row.ResolutionDue = Of(e.ResolutionDue);
        row.FirstResponseAt = live ? at : null;
        row.FirstResponseSeconds = live ? 0 : null;
        row.FirstResponseSla = live ? Met : Pending;
    }

    private static void AddRemedyTotals(CaseRow row, decimal amount, bool refund)
    {
        // The columns are numeric(19,4): the server rounds each stored sum half away from zero.
        row.Remedies++;
        row.RemedyTotal = Math.Round(row.RemedyTotal + amount, 4, MidpointRounding.AwayFromZero);
        if (refund)
        {
            row.RefundTotal = Math.Round(row.RefundTotal + amount, 4, MidpointRounding.AwayFromZero);
        }
    }

    private static void Resolve(CaseRow row, CaseResolved e, DateTimeOffset at)
    {
        // Every right-hand side of the statement sees the row as it was before it.
        var seconds = row.OpenedAt is { } opened ? EventTime.Seconds(opened, at) : (long?)null;
        var wasResolved = row.FirstResolvedAt is not null;
        row.Status = "Resolved";
        row.ResolvedAt = at;
        row.RootCause = e.RootCause.ToString();
        row.ResolutionSeconds = seconds;
        row.FirstResolvedAt ??= at;
        row.FirstResolutionSeconds ??= seconds;
        if (row.ResolutionSla == Pending && !wasResolved && row.ResolutionDue is { } due)
        {
            row.ResolutionSla = at <= due ? Met : Breached;
        }
    }

    private static void Respond(CaseRow row, DateTimeOffset at)
    {
        var seconds = row.OpenedAt is { } opened ? EventTime.Seconds(opened, at) : (long?)null;
        var hadResponse = row.FirstResponseAt is not null;
        row.FirstResponseAt ??= at;
        row.FirstResponseSeconds ??= seconds;
        if (row.FirstResponseSla == Pending && !hadResponse && row.FirstResponseDue is { } due)
        {
            row.FirstResponseSla = at <= due ? Met : Breached;
        }
    }

    private const string Pending = nameof(SlaStatus.Pending);
    private const string Met = nameof(SlaStatus.Met);
    private const string Breached = nameof(SlaStatus.Breached);

    private static DateTimeOffset? Of(DateTimeOffset? time) => time is { } t ? EventTime.Of(t) : null;
}
