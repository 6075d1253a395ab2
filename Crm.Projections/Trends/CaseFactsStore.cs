using Crm.Projections.Engine;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections.Trends;

/// <summary>Loads and saves <see cref="CaseFacts"/> in a counting projection's own table (<c>trend_case</c>, <c>agent_case</c>).</summary>
internal sealed class CaseFactsStore
{
    private const string Columns =
        "case_id, kind, category, channel, opened_at, first_response_due, resolution_due, assignee_agent_id, first_response_at, first_resolved_at, " +
        "first_response_sla, resolution_sla, contacts, reopen_count, escalated, fcr_day, fcr_agent_id, fcr_counted";

    private readonly string _load;
    private readonly string _save;

    public CaseFactsStore(ReadModelSchema schema, string table)
    {
        _load = schema.Apply($"SELECT {Columns} FROM __schema__.{table} WHERE case_id = ANY($1)");
        var updates = string.Join(", ", Columns.Split(", ").Skip(1).Select(c => $"{c} = EXCLUDED.{c}"));
        _save = schema.Apply($"""
            INSERT INTO __schema__.{table} ({Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            ON CONFLICT (case_id) DO UPDATE SET {updates}
            """);
    }

    /// <summary>The remembered facts of these cases; a case never seen gets fresh facts.</summary>
    public async Task<Dictionary<Guid, CaseFacts>> LoadAsync(IReadOnlyCollection<Guid> caseIds, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<Guid, CaseFacts>(caseIds.Count);
        if (caseIds.Count > 0)
        {
            await using var command = new NpgsqlCommand(_load, connection, transaction) { Parameters = { Sql.Array(NpgsqlDbType.Uuid, caseIds.ToArray()) } };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var c = new CaseFacts(reader.GetGuid(0))
                {
                    Kind = Nullable<string>(reader, 1),
                    Category = Nullable<string>(reader, 2),
                    Channel = Nullable<string>(reader, 3),
                    OpenedAt = NullableValue<DateTimeOffset>(reader, 4),
                    FirstResponseDue = NullableValue<DateTimeOffset>(reader, 5),
                    ResolutionDue = NullableValue<DateTimeOffset>(reader, 6),
                    AssigneeAgentId = NullableValue<Guid>(reader, 7),
                    FirstResponseAt = NullableValue<DateTimeOffset>(reader, 8),
                    FirstResolvedAt = NullableValue<DateTimeOffset>(reader, 9),
                    FirstResponseSla = Enum.Parse<SlaStatus>(reader.GetString(10)),
                    ResolutionSla = Enum.Parse<SlaStatus>(reader.GetString(11)),
                    Contacts = reader.GetInt32(12),
                    ReopenCount = reader.GetInt32(13),
                    Escalated = reader.GetBoolean(14),
                    FcrDay = NullableValue<DateOnly>(reader, 15),
                    FcrAgentId = NullableValue<Guid>(reader, 16),
                    FcrCounted = reader.GetBoolean(17),
                };
                facts[c.CaseId] = c;
            }
        }
        foreach (var id in caseIds)
        {
            if (!facts.ContainsKey(id))
            {
                facts[id] = new CaseFacts(id);
            }
        }
        return facts;
    }

    /// <summary>Adds the statements that store these facts to <paramref name="batch"/>.</summary>
    public void Save(SqlBatch batch, IEnumerable<CaseFacts> facts)
    {
        foreach (var c in facts)
        {
            batch.Add(
                _save,
                Sql.Uuid(c.CaseId), Sql.Text(c.Kind), Sql.Text(c.Category), Sql.Text(c.Channel),
                Sql.Timestamp(c.OpenedAt), Sql.Timestamp(c.FirstResponseDue), Sql.Timestamp(c.ResolutionDue), Sql.Uuid(c.AssigneeAgentId),
                Sql.Timestamp(c.FirstResponseAt), Sql.Timestamp(c.FirstResolvedAt),
                Sql.Text(c.FirstResponseSla.ToString()), Sql.Text(c.ResolutionSla.ToString()),
                Sql.Int(c.Contacts), Sql.Int(c.ReopenCount), Sql.Bool(c.Escalated), Sql.Date(c.FcrDay), Sql.Uuid(c.FcrAgentId), Sql.Bool(c.FcrCounted));
        }
    }

    private static T? Nullable<T>(NpgsqlDataReader reader, int ordinal)
        where T : class => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static T? NullableValue<T>(NpgsqlDataReader reader, int ordinal)
        where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
