namespace Crm.Projections.Cases;

internal sealed partial class CaseViewProjection
{
    /// <summary>The projection's SQL, bound to one schema.</summary>
    private sealed class Statements(ReadModelSchema schema)
    {
        // A contact may have created the row first: opening fills in everything but the contacts.
        public string Open { get; } = schema.Apply("""
            INSERT INTO __schema__.case_view AS v
                (case_id, customer_id, status, kind, category, priority, channel, subject, currency, opened_at, opened_by_id, opened_by_name,
                 first_response_due, resolution_due, first_response_at, first_response_seconds, first_response_sla)
            VALUES ($1, $2, 'Open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (case_id) DO UPDATE SET
                customer_id = EXCLUDED.customer_id, status = EXCLUDED.status, kind = EXCLUDED.kind, category = EXCLUDED.category,
                priority = EXCLUDED.priority, channel = EXCLUDED.channel, subject = EXCLUDED.subject, currency = EXCLUDED.currency,
                opened_at = EXCLUDED.opened_at, opened_by_id = EXCLUDED.opened_by_id, opened_by_name = EXCLUDED.opened_by_name,
                first_response_due = EXCLUDED.first_response_due, resolution_due = EXCLUDED.resolution_due,
                first_response_at = EXCLUDED.first_response_at, first_response_seconds = EXCLUDED.first_response_seconds,
                first_response_sla = EXCLUDED.first_response_sla
            """);

        public string Contact { get; } = schema.Apply("""
            INSERT INTO __schema__.case_view AS v (case_id, customer_id, contacts) VALUES ($1, $2, 1)
            ON CONFLICT (case_id) DO UPDATE SET contacts = v.contacts + 1
            """);

        public string Assign { get; } = schema.Apply("""
            UPDATE __schema__.case_view SET assignee_agent_id = $2, assignee_team = $3 WHERE case_id = $1
            """);

        // Tiers only ever go up, so the latest tier given is the highest.
        public string Escalate { get; } = schema.Apply("""
            UPDATE __schema__.case_view
            SET escalations = escalations + 1, escalation_tier = COALESCE($2, escalation_tier), escalation_department = COALESCE($3, escalation_department)
            WHERE case_id = $1
            """);

        public string Escalation { get; } = schema.Apply("""
            INSERT INTO __schema__.case_escalation (case_id, position, at, tier, department, reason, by_id, by_name, by_role)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);

        public string Note { get; } = schema.Apply("UPDATE __schema__.case_view SET notes = notes + 1 WHERE case_id = $1");

        public string RemedyTotals { get; } = schema.Apply("""
            UPDATE __schema__.case_view
            SET remedies = remedies + 1, remedy_total = remedy_total + $2, refund_total = refund_total + CASE WHEN $3 THEN $2 ELSE 0 END
            WHERE case_id = $1
            """);

        public string Remedy { get; } = schema.Apply("""
            INSERT INTO __schema__.case_remedy (case_id, remedy_id, position, kind, amount, currency, at, by_id, by_name, by_role, approval_request_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """);

        public string PendingApprovals { get; } = schema.Apply("UPDATE __schema__.case_view SET pending_approvals = pending_approvals + $2 WHERE case_id = $1");

        public string OpenFollowUps { get; } = schema.Apply("UPDATE __schema__.case_view SET open_follow_ups = open_follow_ups + $2 WHERE case_id = $1");

        // The resolution SLA is measured to the first resolution, as the decisions do.
        public string Resolve { get; } = schema.Apply("""
            UPDATE __schema__.case_view
            SET status = 'Resolved', resolved_at = $2, root_cause = $3,
                resolution_seconds = floor(extract(epoch FROM $2 - opened_at))::bigint,
                first_resolved_at = COALESCE(first_resolved_at, $2),
                first_resolution_seconds = COALESCE(first_resolution_seconds, floor(extract(epoch FROM $2 - opened_at))::bigint),
                resolution_sla = CASE
                    WHEN resolution_sla <> 'Pending' OR first_resolved_at IS NOT NULL OR resolution_due IS NULL THEN resolution_sla
                    WHEN $2 <= resolution_due THEN 'Met' ELSE 'Breached' END
            WHERE case_id = $1
            """);

        public string Reopen { get; } = schema.Apply("""
            UPDATE __schema__.case_view
            SET status = 'Open', resolved_at = NULL, resolution_seconds = NULL, reopen_count = reopen_count + 1
            WHERE case_id = $1
            """);

        public string Response { get; } = schema.Apply("""
            UPDATE __schema__.case_view
            SET first_response_at = COALESCE(first_response_at, $2),
                first_response_seconds = COALESCE(first_response_seconds, floor(extract(epoch FROM $2 - opened_at))::bigint),
                first_response_sla = CASE
                    WHEN first_response_sla <> 'Pending' OR first_response_at IS NOT NULL OR first_response_due IS NULL THEN first_response_sla
                    WHEN $2 <= first_response_due THEN 'Met' ELSE 'Breached' END
            WHERE case_id = $1
            """);

        public string Satisfaction { get; } = schema.Apply("""
            UPDATE __schema__.case_view SET csat = $2, nps = $3, satisfaction_at = $4 WHERE case_id = $1
            """);

        public string Close { get; } = schema.Apply("UPDATE __schema__.case_view SET status = 'Closed', closed_at = $2 WHERE case_id = $1");

        public string FirstResponseBreached { get; } = schema.Apply("""
            UPDATE __schema__.case_view SET first_response_sla = 'Breached' WHERE case_id = $1 AND first_response_sla = 'Pending'
            """);

        public string ResolutionBreached { get; } = schema.Apply("""
            UPDATE __schema__.case_view SET resolution_sla = 'Breached' WHERE case_id = $1 AND resolution_sla = 'Pending'
            """);

        public string Load { get; } = schema.Apply($"SELECT {CaseRow.Columns} FROM __schema__.case_view WHERE case_id = ANY($1)");

        // One row per case: the whole row as the batch left it.
        public string Upsert { get; } = schema.Apply($"""
            INSERT INTO __schema__.case_view ({CaseRow.Columns})
            SELECT * FROM unnest({string.Join(", ", CaseRow.ArrayTypes.Select((type, i) => $"${i + 1}::{type}[]"))})
            ON CONFLICT (case_id) DO UPDATE SET
            {string.Join(", ", ColumnNames.Skip(1).Select(c => $"{c} = EXCLUDED.{c}"))}
            """);

        private static IEnumerable<string> ColumnNames => CaseRow.Columns.Split(',', StringSplitOptions.TrimEntries);

        public string Touch { get; } = schema.Apply("UPDATE __schema__.case_view SET last_event_at = $2, version = $3 WHERE case_id = $1");

        public string Erase { get; } = schema.Apply($"""
            UPDATE __schema__.case_view SET subject = '{ErasedSubject}' WHERE customer_id = $1 AND subject IS NOT NULL
            """);
    }
}
