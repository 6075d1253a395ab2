using System.Globalization;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Projections.Engine;
using Npgsql;

namespace Crm.Projections;

/// <summary>A case as the case read model holds it.</summary>
/// <param name="Id">The case.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Status">Open, Resolved or Closed.</param>
/// <param name="Kind">Inquiry, Complaint or TechnicalIssue.</param>
/// <param name="Category">What it is about.</param>
/// <param name="Priority">How urgent.</param>
/// <param name="Channel">The channel it came through.</param>
/// <param name="Subject">The subject; <c>erased</c> once the customer's data is erased.</param>
/// <param name="Currency">The currency of its remedies.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="OpenedById">Who opened it.</param>
/// <param name="OpenedByName">Their name.</param>
/// <param name="AssigneeAgentId">The agent it is assigned to.</param>
/// <param name="AssigneeTeam">The team it is assigned to.</param>
/// <param name="EscalationTier">The highest tier it was escalated to.</param>
/// <param name="EscalationDepartment">The department it was last escalated to.</param>
/// <param name="Escalations">How often it was escalated.</param>
/// <param name="Remedies">Remedies issued.</param>
/// <param name="RemedyTotal">Their total value, in <paramref name="Currency"/>.</param>
/// <param name="RefundTotal">The refunded part of it.</param>
/// <param name="PendingApprovals">Remedy approval requests waiting for a decision.</param>
/// <param name="Notes">Notes added.</param>
/// <param name="OpenFollowUps">Follow-ups not done yet.</param>
/// <param name="Contacts">Customer contacts logged with this case.</param>
/// <param name="FirstResponseDue">When the first response is due.</param>
/// <param name="ResolutionDue">When the resolution is due.</param>
/// <param name="FirstResponseAt">When the customer first got a response.</param>
/// <param name="FirstResponseTime">From opening to first response.</param>
/// <param name="FirstResolvedAt">When it was first resolved.</param>
/// <param name="FirstResolutionTime">From opening to first resolution (what the resolution SLA measures).</param>
/// <param name="ResolvedAt">When it was resolved; null while open (also after a reopening).</param>
/// <param name="ResolutionTime">From opening to the current resolution.</param>
/// <param name="ClosedAt">When it was closed.</param>
/// <param name="RootCause">The root cause given at the latest resolution.</param>
/// <param name="FirstResponseSla">The first-response SLA: pending, met or breached.</param>
/// <param name="ResolutionSla">The resolution SLA: pending, met or breached.</param>
/// <param name="ReopenCount">How often it was reopened.</param>
/// <param name="Fcr">First contact resolution: resolved with exactly one customer contact and never reopened.</param>
/// <param name="Csat">The survey's CSAT answer (1–5).</param>
/// <param name="Nps">The survey's NPS answer (0–10).</param>
/// <param name="SatisfactionAt">When the survey was answered.</param>
/// <param name="LastEventAt">The time of its latest event.</param>
/// <param name="Version">The case stream's version the row reflects.</param>
public sealed record CaseView(
    Guid Id,
    Guid CustomerId,
    CaseStatus Status,
    CaseKind Kind,
    CaseCategory Category,
    Priority Priority,
    Channel Channel,
    string Subject,
    string Currency,
    DateTimeOffset OpenedAt,
    Guid OpenedById,
    string OpenedByName,
    Guid? AssigneeAgentId,
    string? AssigneeTeam,
    EscalationTier? EscalationTier,
    Department? EscalationDepartment,
    int Escalations,
    int Remedies,
    decimal RemedyTotal,
    decimal RefundTotal,
    int PendingApprovals,
    int Notes,
    int OpenFollowUps,
    int Contacts,
    DateTimeOffset FirstResponseDue,
    DateTimeOffset ResolutionDue,
    DateTimeOffset? FirstResponseAt,
    TimeSpan? FirstResponseTime,
    DateTimeOffset? FirstResolvedAt,
    TimeSpan? FirstResolutionTime,
    DateTimeOffset? ResolvedAt,
    TimeSpan? ResolutionTime,
    DateTimeOffset? ClosedAt,
    RootCause? RootCause,
    SlaStatus FirstResponseSla,
    SlaStatus ResolutionSla,
    int ReopenCount,
    bool Fcr,
    int? Csat,
    int? Nps,
    DateTimeOffset? SatisfactionAt,
    DateTimeOffset? LastEventAt,
    long? Version);

/// <summary>One escalation of a case.</summary>
/// <param name="At">When.</param>
/// <param name="Tier">The tier escalated to, if any.</param>
/// <param name="Department">The department escalated to, if any.</param>
/// <param name="Reason">Why.</param>
/// <param name="ById">Who escalated.</param>
/// <param name="ByName">Their name.</param>
/// <param name="ByRole">Their role.</param>
public sealed record CaseEscalationView(DateTimeOffset At, EscalationTier? Tier, Department? Department, string Reason, Guid ById, string ByName, ActorRole ByRole);

/// <summary>One remedy issued on a case.</summary>
/// <param name="RemedyId">The remedy.</param>
/// <param name="Kind">Refund, exchange or service adjustment.</param>
/// <param name="Value">The amount or value.</param>
/// <param name="At">When it was issued.</param>
/// <param name="ById">Who issued it (the approver, when approved).</param>
/// <param name="ByName">Their name.</param>
/// <param name="ByRole">Their role.</param>
/// <param name="ApprovalRequestId">The approval request it came from, if any.</param>
public sealed record CaseRemedyView(Guid RemedyId, RemedyKind Kind, Money Value, DateTimeOffset At, Guid ById, string ByName, ActorRole ByRole, Guid? ApprovalRequestId);

/// <summary>A case with its escalations and remedies, oldest first.</summary>
/// <param name="Case">The case.</param>
/// <param name="Escalations">Its escalations.</param>
/// <param name="Remedies">Its remedies.</param>
public sealed record CaseDetails(CaseView Case, IReadOnlyList<CaseEscalationView> Escalations, IReadOnlyList<CaseRemedyView> Remedies);

/// <summary>Which cases to list; every filter given must hold.</summary>
public sealed record CaseFilter
{
    /// <summary>No filter: every case.</summary>
    public static CaseFilter None { get; } = new();

    /// <summary>Only cases with this status.</summary>
    public CaseStatus? Status { get; init; }

    /// <summary>Only cases of this kind.</summary>
    public CaseKind? Kind { get; init; }

    /// <summary>Only cases of this category.</summary>
    public CaseCategory? Category { get; init; }

    /// <summary>Only cases assigned to this agent.</summary>
    public Guid? AssigneeAgentId { get; init; }

    /// <summary>Only cases of this customer.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>Only cases opened at or after this time.</summary>
    public DateTimeOffset? OpenedFrom { get; init; }

    /// <summary>Only cases opened before this time.</summary>
    public DateTimeOffset? OpenedBefore { get; init; }
}

public sealed partial class ReadModelQueries
{
    private const string CaseList = "cases";

    private const string CaseColumns = """
        case_id, customer_id, status, kind, category, priority, channel, subject, currency, opened_at, opened_by_id, opened_by_name,
        assignee_agent_id, assignee_team, escalation_tier, escalation_department, escalations, remedies, remedy_total, refund_total,
        pending_approvals, notes, open_follow_ups, contacts, first_response_due, resolution_due, first_response_at, first_response_seconds,
        first_resolved_at, first_resolution_seconds, resolved_at, resolution_seconds, closed_at, root_cause, first_response_sla, resolution_sla,
        reopen_count, fcr, csat, nps, satisfaction_at, last_event_at, version
        """;

    /// <summary>The case with its escalations and remedies, or null when no such case was opened.</summary>
    public async Task<CaseDetails?> CaseAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, $"SELECT {CaseColumns} FROM __schema__.case_view WHERE case_id = $1 AND status IS NOT NULL", Sql.Uuid(caseId));
        Add(batch, "SELECT at, tier, department, reason, by_id, by_name, by_role FROM __schema__.case_escalation WHERE case_id = $1 ORDER BY position", Sql.Uuid(caseId));
        Add(batch, """
            SELECT remedy_id, kind, amount, currency, at, by_id, by_name, by_role, approval_request_id
            FROM __schema__.case_remedy WHERE case_id = $1 ORDER BY position
            """, Sql.Uuid(caseId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var view = ReadCase(reader);
        await reader.NextResultAsync(cancellationToken);
        var escalations = new List<CaseEscalationView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            escalations.Add(new CaseEscalationView(
                Time(reader, 0), Enum<EscalationTier>(reader, 1), Enum<Department>(reader, 2), reader.GetString(3),
                reader.GetGuid(4), reader.GetString(5), System.Enum.Parse<ActorRole>(reader.GetString(6))));
        }
        await reader.NextResultAsync(cancellationToken);
        var remedies = new List<CaseRemedyView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            remedies.Add(new CaseRemedyView(
                reader.GetGuid(0), System.Enum.Parse<RemedyKind>(reader.GetString(1)), new Money(reader.GetDecimal(2), reader.GetString(3)),
                Time(reader, 4), reader.GetGuid(5), reader.GetString(6), System.Enum.Parse<ActorRole>(reader.GetString(7)), Value<Guid>(reader, 8)));
        }
        return new CaseDetails(view, escalations, remedies);
    }

    /// <summary>A page of cases matching <paramref name="filter"/>, newest opened first, after the case whose cursor is <paramref name="after"/>.</summary>
    public async Task<Page<CaseView>> CasesAsync(CaseFilter? filter = null, int first = 50, string? after = null, CancellationToken cancellationToken = default)
    {
        filter ??= CaseFilter.None;
        Cursors.CheckPageSize(first);
        CheckRange(filter.OpenedFrom, filter.OpenedBefore, "opened");
        var sql = new List<string> { $"SELECT {CaseColumns} FROM __schema__.case_view WHERE status IS NOT NULL" };
        var parameters = new List<NpgsqlParameter>();
        void Where(string condition, NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            sql.Add($"AND {condition.Replace("$?", "$" + parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}");
        }
        if (filter.Status is { } status)
        {
            Where("status = $?", Sql.Text(status.ToString()));
        }
        if (filter.Kind is { } kind)
        {
            Where("kind = $?", Sql.Text(kind.ToString()));
        }
        if (filter.Category is { } category)
        {
            Where("category = $?", Sql.Text(category.ToString()));
        }
        if (filter.AssigneeAgentId is { } agent)
        {
            Where("assignee_agent_id = $?", Sql.Uuid(agent));
        }
        if (filter.CustomerId is { } customer)
        {
            Where("customer_id = $?", Sql.Uuid(customer));
        }
        if (filter.OpenedFrom is { } from)
        {
            Where("opened_at >= $?", Sql.Timestamp(from));
        }
        if (filter.OpenedBefore is { } before)
        {
            Where("opened_at < $?", Sql.Timestamp(before));
        }
        if (after is not null)
        {
            var key = Cursors.Decode(CaseList, after, 2);
            parameters.Add(Sql.Timestamp(new DateTimeOffset(long.Parse(key[0], CultureInfo.InvariantCulture), TimeSpan.Zero)));
            parameters.Add(Sql.Uuid(Guid.Parse(key[1], CultureInfo.InvariantCulture)));
            sql.Add($"AND (opened_at, case_id) < (${parameters.Count - 1}, ${parameters.Count})");
        }
        parameters.Add(Sql.Int(first + 1));
        sql.Add($"ORDER BY opened_at DESC, case_id DESC LIMIT ${parameters.Count}");

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, string.Join('\n', sql));
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cases = new List<CaseView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(ReadCase(reader));
        }
        return ToPage(cases, first, c => Cursors.Encode(
            CaseList, c.OpenedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), c.Id.ToString("D", CultureInfo.InvariantCulture)));
    }

    private static CaseView ReadCase(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), System.Enum.Parse<CaseStatus>(r.GetString(2)), System.Enum.Parse<CaseKind>(r.GetString(3)),
        System.Enum.Parse<CaseCategory>(r.GetString(4)), System.Enum.Parse<Priority>(r.GetString(5)), System.Enum.Parse<Channel>(r.GetString(6)),
        r.GetString(7), r.GetString(8), Time(r, 9), r.GetGuid(10), r.GetString(11),
        Value<Guid>(r, 12), Text(r, 13), Enum<EscalationTier>(r, 14), Enum<Department>(r, 15),
        r.GetInt32(16), r.GetInt32(17), r.GetDecimal(18), r.GetDecimal(19), r.GetInt32(20), r.GetInt32(21), r.GetInt32(22), r.GetInt32(23),
        Time(r, 24), Time(r, 25), OptionalTime(r, 26), Seconds(r, 27), OptionalTime(r, 28), Seconds(r, 29), OptionalTime(r, 30), Seconds(r, 31),
        OptionalTime(r, 32), Enum<RootCause>(r, 33), System.Enum.Parse<SlaStatus>(r.GetString(34)), System.Enum.Parse<SlaStatus>(r.GetString(35)),
        r.GetInt32(36), r.GetBoolean(37), Value<short>(r, 38), Value<short>(r, 39), OptionalTime(r, 40), OptionalTime(r, 41), Value<long>(r, 42));

    private static TimeSpan? Seconds(NpgsqlDataReader reader, int ordinal) => Value<long>(reader, ordinal) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
