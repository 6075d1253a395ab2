using System.Globalization;
using System.Text;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Projections;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Api.ReadModels;

internal sealed partial class CrmReadModel
{
    private const string CaseList = "case";

    private const string CaseColumns = """
        case_id, customer_id, status, kind, category, priority, channel, subject, currency, opened_at, opened_by_id, opened_by_name,
        assignee_agent_id, assignee_team, escalation_tier, escalation_department, escalations, remedies, remedy_total, refund_total,
        pending_approvals, notes, open_follow_ups, contacts, first_response_due, resolution_due, first_response_at, first_response_seconds,
        first_resolved_at, first_resolution_seconds, resolved_at, resolution_seconds, closed_at, root_cause, first_response_sla, resolution_sla,
        reopen_count, fcr, csat, nps, satisfaction_at, last_event_at, version
        """;

    /// <summary>The cases with these ids (opened ones only; unknown ids are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, CaseView>> CasesAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Read($"SELECT {CaseColumns} FROM __schema__.case_view WHERE case_id = ANY($1) AND status IS NOT NULL"));
        command.Parameters.Add(UuidArray(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cases = new Dictionary<Guid, CaseView>(ids.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var view = ReadCase(reader);
            cases[view.Id] = view;
        }
        return cases;
    }

    /// <summary>The escalations of these cases, oldest first per case.</summary>
    public async Task<ILookup<Guid, CaseEscalationView>> EscalationsAsync(IReadOnlyList<Guid> caseIds, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Read(
            "SELECT case_id, at, tier, department, reason, by_id, by_name, by_role FROM __schema__.case_escalation WHERE case_id = ANY($1) ORDER BY case_id, position"));
        command.Parameters.Add(UuidArray(caseIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(Guid, CaseEscalationView)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), new CaseEscalationView(
                Time(reader, 1), OptionalEnum<EscalationTier>(reader, 2), OptionalEnum<Department>(reader, 3), reader.GetString(4),
                reader.GetGuid(5), reader.GetString(6), Enum<ActorRole>(reader, 7))));
        }
        return rows.ToLookup(r => r.Item1, r => r.Item2);
    }

    /// <summary>The remedies issued on these cases, oldest first per case.</summary>
    public async Task<ILookup<Guid, CaseRemedyView>> RemediesAsync(IReadOnlyList<Guid> caseIds, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Read("""
            SELECT case_id, remedy_id, kind, amount, currency, at, by_id, by_name, by_role, approval_request_id
            FROM __schema__.case_remedy WHERE case_id = ANY($1) ORDER BY case_id, position
            """));
        command.Parameters.Add(UuidArray(caseIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(Guid, CaseRemedyView)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), new CaseRemedyView(
                reader.GetGuid(1), Enum<RemedyKind>(reader, 2), new Money(reader.GetDecimal(3), reader.GetString(4)), Time(reader, 5),
                reader.GetGuid(6), reader.GetString(7), Enum<ActorRole>(reader, 8), Value<Guid>(reader, 9))));
        }
        return rows.ToLookup(r => r.Item1, r => r.Item2);
    }

    /// <summary>A page of the cases matching <paramref name="filter"/>, newest opened first.</summary>
    /// <exception cref="ArgumentException">The cursor is not one of this list's.</exception>
    public async Task<PageSlice<CaseView>> CaseListAsync(CaseFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var (where, parameters) = CaseWhere(filter);
        if (page.Cursor is { } cursor)
        {
            var key = ListCursors.Decode(CaseList, cursor, 2);
            if (key is null
                || !long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks
                || !Guid.TryParse(key[1], CultureInfo.InvariantCulture, out var id))
            {
                throw new ArgumentException($"'{cursor}' is not a cursor of this list of cases; pass the cursor of a case of a page of it.", nameof(page));
            }
            parameters.Add(Typed(NpgsqlDbType.TimestampTz, new DateTimeOffset(ticks, TimeSpan.Zero)));
            parameters.Add(Typed(NpgsqlDbType.Uuid, id));
            where.Append(CultureInfo.InvariantCulture, $" AND (opened_at, case_id) {(page.Backward ? ">" : "<")} (${parameters.Count - 1}, ${parameters.Count})");
        }
        parameters.Add(Typed(NpgsqlDbType.Integer, page.Size + 1));
        var order = page.Backward ? "opened_at, case_id" : "opened_at DESC, case_id DESC";
        await using var command = _dataSource.CreateCommand(Read($"SELECT {CaseColumns} FROM __schema__.case_view {where} ORDER BY {order} LIMIT ${parameters.Count}"));
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CaseView>(page.Size + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadCase(reader));
        }
        return PageSlice<CaseView>.FromRows(rows, page, c => ListCursors.Encode(
            CaseList, c.OpenedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + c.Id.ToString("D", CultureInfo.InvariantCulture)));
    }

    /// <summary>How many cases match <paramref name="filter"/>.</summary>
    public async Task<int> CaseCountAsync(CaseFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = CaseWhere(filter);
        await using var command = _dataSource.CreateCommand(Read($"SELECT count(*)::int FROM __schema__.case_view {where}"));
        command.Parameters.AddRange(parameters.ToArray());
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static (StringBuilder Where, List<NpgsqlParameter> Parameters) CaseWhere(CaseFilter filter)
    {
        var where = new StringBuilder("WHERE status IS NOT NULL");
        var parameters = new List<NpgsqlParameter>();
        void Add(string condition, NpgsqlParameter parameter)
        {
            parameters.Add(parameter);
            where.Append(" AND ").Append(condition).Append(" $").Append(parameters.Count.ToString(CultureInfo.InvariantCulture));
        }
        if (filter.Status is { } status)
        {
            Add("status =", Typed(NpgsqlDbType.Text, status.ToString()));
        }
        if (filter.Kind is { } kind)
        {
            Add("kind =", Typed(NpgsqlDbType.Text, kind.ToString()));
        }
        if (filter.Category is { } category)
        {
            Add("category =", Typed(NpgsqlDbType.Text, category.ToString()));
        }
        if (filter.AssigneeAgentId is { } agent)
        {
            Add("assignee_agent_id =", Typed(NpgsqlDbType.Uuid, agent));
        }
        if (filter.CustomerId is { } customer)
        {
            Add("customer_id =", Typed(NpgsqlDbType.Uuid, customer));
        }
        if (filter.OpenedFrom is { } from)
        {
            Add("opened_at >=", Typed(NpgsqlDbType.TimestampTz, Microseconds(from)));
        }
        if (filter.OpenedBefore is { } before)
        {
            Add("opened_at <", Typed(NpgsqlDbType.TimestampTz, Microseconds(before)));
        }
        return (where, parameters);
    }

    private static CaseView ReadCase(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), Enum<CaseStatus>(r, 2), Enum<CaseKind>(r, 3), Enum<CaseCategory>(r, 4), Enum<Priority>(r, 5), Enum<Channel>(r, 6),
        r.GetString(7), r.GetString(8), Time(r, 9), r.GetGuid(10), r.GetString(11),
        Value<Guid>(r, 12), Text(r, 13), OptionalEnum<EscalationTier>(r, 14), OptionalEnum<Department>(r, 15),
        r.GetInt32(16), r.GetInt32(17), r.GetDecimal(18), r.GetDecimal(19), r.GetInt32(20), r.GetInt32(21), r.GetInt32(22), r.GetInt32(23),
        Time(r, 24), Time(r, 25), OptionalTime(r, 26), Seconds(r, 27), OptionalTime(r, 28), Seconds(r, 29), OptionalTime(r, 30), Seconds(r, 31),
        OptionalTime(r, 32), OptionalEnum<RootCause>(r, 33), Enum<SlaStatus>(r, 34), Enum<SlaStatus>(r, 35),
        r.GetInt32(36), r.GetBoolean(37), Value<short>(r, 38), Value<short>(r, 39), OptionalTime(r, 40), OptionalTime(r, 41), Value<long>(r, 42));

    private static TimeSpan? Seconds(NpgsqlDataReader reader, int ordinal) => Value<long>(reader, ordinal) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
