using System.Globalization;
using Crm.Projections.Engine;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections.Trends;

/// <summary>
/// Agent performance (async): per agent per day, the agent's share of the counters (contacts,
/// handle time, FCR, CSAT, escalations), attributed exactly as the trends' agent dimension
/// (see <see cref="KpiFacts"/>). It keeps its own case facts (<c>agent_case</c>) because it runs
/// with its own checkpoint.
/// </summary>
internal sealed class AgentDailyProjection : IReadModelProjection
{
    private readonly CaseFactsStore _facts;
    private readonly string _cells;

    public AgentDailyProjection(ReadModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _facts = new CaseFactsStore(schema, "agent_case");
        var columns = Counters.Agent.Select(c => c.Column()).ToList();
        var arrays = string.Join(", ", columns.Select((_, i) => $"${i + 3}::bigint[]"));
        _cells = schema.Apply($"""
            INSERT INTO __schema__.agent_daily AS t (agent_id, day, {string.Join(", ", columns)})
            SELECT * FROM unnest($1::uuid[], $2::date[], {arrays})
            ON CONFLICT (agent_id, day) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = t.{c} + EXCLUDED.{c}"))}
            """);
    }

    public string Name => "crm.agent_daily";

    public ProjectionMode Mode => ProjectionMode.Async;

    public IReadOnlyList<string> Tables { get; } = ["agent_daily", "agent_case"];

    public async Task ApplyAsync(IReadOnlyList<ProjectedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var cases = await _facts.LoadAsync(KpiFacts.CaseIds(events), connection, transaction, cancellationToken);
        var deltas = new CounterDeltas();
        var facts = new KpiFacts(cases, deltas);
        foreach (var projected in events)
        {
            facts.Apply(projected);
        }

        var batch = new SqlBatch();
        _facts.Save(batch, cases.Values);
        var cells = deltas.Cells.Where(c => c.Key.Dimension == TrendDimensions.Agent).ToArray();
        if (cells.Length > 0)
        {
            var parameters = new List<NpgsqlParameter>
            {
                Sql.Array(NpgsqlDbType.Uuid, cells.Select(c => Guid.Parse(c.Key.Value, CultureInfo.InvariantCulture)).ToArray()),
                Sql.Array(NpgsqlDbType.Date, cells.Select(c => c.Key.Day).ToArray()),
            };
            foreach (var counter in Counters.Agent)
            {
                parameters.Add(Sql.Array(NpgsqlDbType.Bigint, cells.Select(c => c.Value[(int)counter]).ToArray()));
            }
            batch.Add(_cells, [.. parameters]);
        }
        await batch.ExecuteAsync(connection, transaction, cancellationToken);
    }
}
