using Crm.Projections.Engine;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections.Cases;

internal sealed partial class CaseViewProjection
{
    /// <summary>
    /// Every stored column of one <c>case_view</c> row (all but the generated <c>fcr</c>), in the
    /// order of <see cref="Columns"/>: the in-memory state a batch folds its events into.
    /// </summary>
    private sealed class CaseRow
    {
        /// <summary>The stored columns, in the order they are read and written.</summary>
        public const string Columns = """
            case_id, customer_id, status, kind, category, priority, channel, subject, currency, opened_at, opened_by_id, opened_by_name,
            assignee_agent_id, assignee_team, escalation_tier, escalation_department, escalations, remedies, remedy_total, refund_total,
            pending_approvals, notes, open_follow_ups, contacts, first_response_due, resolution_due, first_response_at, first_response_seconds,
            first_resolved_at, first_resolution_seconds, resolved_at, resolution_seconds, closed_at, root_cause, first_response_sla,
            resolution_sla, reopen_count, csat, nps, satisfaction_at, last_event_at, version
            """;

        /// <summary>The SQL types of <see cref="Columns"/>, for the <c>unnest</c> of the multi-row upsert.</summary>
        public static readonly string[] ArrayTypes =
        [
            "uuid", "uuid", "text", "text", "text", "text", "text", "text", "text", "timestamptz", "uuid", "text",
            "uuid", "text", "text", "text", "integer", "integer", "numeric", "numeric",
            "integer", "integer", "integer", "integer", "timestamptz", "timestamptz", "timestamptz", "bigint",
            "timestamptz", "bigint", "timestamptz", "bigint", "timestamptz", "text", "text",
            "text", "integer", "integer", "integer", "timestamptz", "timestamptz", "bigint",
        ];

        // Defaults are the table's column defaults: a new row starts as the INSERT of today's statements leaves it.
        public Guid CaseId { get; init; }

        public Guid CustomerId { get; set; }

        public string? Status { get; set; }

        public string? Kind { get; set; }

        public string? Category { get; set; }

        public string? Priority { get; set; }

        public string? Channel { get; set; }

        public string? Subject { get; set; }

        public string? Currency { get; set; }

        public DateTimeOffset? OpenedAt { get; set; }

        public Guid? OpenedById { get; set; }

        public string? OpenedByName { get; set; }

        public Guid? AssigneeAgentId { get; set; }

        public string? AssigneeTeam { get; set; }

        public string? EscalationTier { get; set; }

        public string? EscalationDepartment { get; set; }

        public int Escalations { get; set; }

        public int Remedies { get; set; }

        public decimal RemedyTotal { get; set; }

        public decimal RefundTotal { get; set; }

        public int PendingApprovals { get; set; }

        public int Notes { get; set; }

        public int OpenFollowUps { get; set; }

        public int Contacts { get; set; }

        public DateTimeOffset? FirstResponseDue { get; set; }

        public DateTimeOffset? ResolutionDue { get; set; }

        public DateTimeOffset? FirstResponseAt { get; set; }

        public long? FirstResponseSeconds { get; set; }

        public DateTimeOffset? FirstResolvedAt { get; set; }

        public long? FirstResolutionSeconds { get; set; }

        public DateTimeOffset? ResolvedAt { get; set; }

        public long? ResolutionSeconds { get; set; }

        public DateTimeOffset? ClosedAt { get; set; }

        public string? RootCause { get; set; }

        public string FirstResponseSla { get; set; } = nameof(SlaStatus.Pending);

        public string ResolutionSla { get; set; } = nameof(SlaStatus.Pending);

        public int ReopenCount { get; set; }

        public int? Csat { get; set; }

        public int? Nps { get; set; }

        public DateTimeOffset? SatisfactionAt { get; set; }

        public DateTimeOffset? LastEventAt { get; set; }

        public long? Version { get; set; }

        /// <summary>The row at the reader's current position (selected with <see cref="Columns"/>).</summary>
        public static CaseRow Read(NpgsqlDataReader r) => new()
        {
            CaseId = r.GetGuid(0),
            CustomerId = r.GetGuid(1),
            Status = Text(r, 2),
            Kind = Text(r, 3),
            Category = Text(r, 4),
            Priority = Text(r, 5),
            Channel = Text(r, 6),
            Subject = Text(r, 7),
            Currency = Text(r, 8),
            OpenedAt = Time(r, 9),
            OpenedById = r.IsDBNull(10) ? null : r.GetGuid(10),
            OpenedByName = Text(r, 11),
            AssigneeAgentId = r.IsDBNull(12) ? null : r.GetGuid(12),
            AssigneeTeam = Text(r, 13),
            EscalationTier = Text(r, 14),
            EscalationDepartment = Text(r, 15),
            Escalations = r.GetInt32(16),
            Remedies = r.GetInt32(17),
            RemedyTotal = r.GetDecimal(18),
            RefundTotal = r.GetDecimal(19),
            PendingApprovals = r.GetInt32(20),
            Notes = r.GetInt32(21),
            OpenFollowUps = r.GetInt32(22),
            Contacts = r.GetInt32(23),
            FirstResponseDue = Time(r, 24),
            ResolutionDue = Time(r, 25),
            FirstResponseAt = Time(r, 26),
            FirstResponseSeconds = Long(r, 27),
            FirstResolvedAt = Time(r, 28),
            FirstResolutionSeconds = Long(r, 29),
            ResolvedAt = Time(r, 30),
            ResolutionSeconds = Long(r, 31),
            ClosedAt = Time(r, 32),
            RootCause = Text(r, 33),
            FirstResponseSla = r.GetString(34),
            ResolutionSla = r.GetString(35),
            ReopenCount = r.GetInt32(36),
            Csat = r.IsDBNull(37) ? null : r.GetInt16(37),
            Nps = r.IsDBNull(38) ? null : r.GetInt16(38),
            SatisfactionAt = Time(r, 39),
            LastEventAt = Time(r, 40),
            Version = Long(r, 41),
        };

        /// <summary>One array parameter per column of <see cref="Columns"/>, holding <paramref name="rows"/> in order.</summary>
        public static NpgsqlParameter[] Arrays(IReadOnlyList<CaseRow> rows)
        {
            NpgsqlParameter Of<T>(NpgsqlDbType type, Func<CaseRow, T> column) => Sql.Array(type, rows.Select(column).ToArray());
            return
            [
                Of(NpgsqlDbType.Uuid, r => r.CaseId),
                Of(NpgsqlDbType.Uuid, r => r.CustomerId),
                Of(NpgsqlDbType.Text, r => r.Status),
                Of(NpgsqlDbType.Text, r => r.Kind),
                Of(NpgsqlDbType.Text, r => r.Category),
                Of(NpgsqlDbType.Text, r => r.Priority),
                Of(NpgsqlDbType.Text, r => r.Channel),
                Of(NpgsqlDbType.Text, r => r.Subject),
                Of(NpgsqlDbType.Text, r => r.Currency),
                Of(NpgsqlDbType.TimestampTz, r => r.OpenedAt),
                Of(NpgsqlDbType.Uuid, r => r.OpenedById),
                Of(NpgsqlDbType.Text, r => r.OpenedByName),
                Of(NpgsqlDbType.Uuid, r => r.AssigneeAgentId),
                Of(NpgsqlDbType.Text, r => r.AssigneeTeam),
                Of(NpgsqlDbType.Text, r => r.EscalationTier),
                Of(NpgsqlDbType.Text, r => r.EscalationDepartment),
                Of(NpgsqlDbType.Integer, r => r.Escalations),
                Of(NpgsqlDbType.Integer, r => r.Remedies),
                Of(NpgsqlDbType.Numeric, r => r.RemedyTotal),
                Of(NpgsqlDbType.Numeric, r => r.RefundTotal),
                Of(NpgsqlDbType.Integer, r => r.PendingApprovals),
                Of(NpgsqlDbType.Integer, r => r.Notes),
                Of(NpgsqlDbType.Integer, r => r.OpenFollowUps),
                Of(NpgsqlDbType.Integer, r => r.Contacts),
                Of(NpgsqlDbType.TimestampTz, r => r.FirstResponseDue),
                Of(NpgsqlDbType.TimestampTz, r => r.ResolutionDue),
                Of(NpgsqlDbType.TimestampTz, r => r.FirstResponseAt),
                Of(NpgsqlDbType.Bigint, r => r.FirstResponseSeconds),
                Of(NpgsqlDbType.TimestampTz, r => r.FirstResolvedAt),
                Of(NpgsqlDbType.Bigint, r => r.FirstResolutionSeconds),
                Of(NpgsqlDbType.TimestampTz, r => r.ResolvedAt),
                Of(NpgsqlDbType.Bigint, r => r.ResolutionSeconds),
                Of(NpgsqlDbType.TimestampTz, r => r.ClosedAt),
                Of(NpgsqlDbType.Text, r => r.RootCause),
                Of(NpgsqlDbType.Text, r => r.FirstResponseSla),
                Of(NpgsqlDbType.Text, r => r.ResolutionSla),
                Of(NpgsqlDbType.Integer, r => r.ReopenCount),
                Of(NpgsqlDbType.Integer, r => r.Csat),
                Of(NpgsqlDbType.Integer, r => r.Nps),
                Of(NpgsqlDbType.TimestampTz, r => r.SatisfactionAt),
                Of(NpgsqlDbType.TimestampTz, r => r.LastEventAt),
                Of(NpgsqlDbType.Bigint, r => r.Version),
            ];
        }

        private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

        private static long? Long(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

        private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
    }
}
