using Crm.Projections.Engine;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections.Trends;

/// <summary>
/// Trends (async): the KPI counters per day × dimension × value in <c>trend_daily</c>, refunded
/// amounts per currency in <c>trend_refund_daily</c>. A batch costs two round trips whatever its
/// size: one to read the facts of the cases it touches, one to write every change.
/// </summary>
internal sealed class TrendDailyProjection : IReadModelProjection
{
    private readonly CaseFactsStore _facts;
    private readonly string _cells;
    private readonly string _refunds;

    public TrendDailyProjection(ReadModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _facts = new CaseFactsStore(schema, "trend_case");
        var columns = Counters.Columns;
        var arrays = string.Join(", ", columns.Select((_, i) => $"${i + 4}::bigint[]"));
        _cells = schema.Apply($"""
            INSERT INTO __schema__.trend_daily AS t (dimension, day, value, {string.Join(", ", columns)})
            SELECT * FROM unnest($1::text[], $2::date[], $3::text[], {arrays})
            ON CONFLICT (dimension, day, value) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = t.{c} + EXCLUDED.{c}"))}
            """);
        _refunds = schema.Apply("""
            INSERT INTO __schema__.trend_refund_daily AS t (dimension, day, value, currency, refunds, amount)
            SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::bigint[], $6::numeric[])
            ON CONFLICT (dimension, day, value, currency) DO UPDATE SET refunds = t.refunds + EXCLUDED.refunds, amount = t.amount + EXCLUDED.amount
            """);
    }

    public string Name => "crm.trend_daily";

    public ProjectionMode Mode => ProjectionMode.Async;

    public IReadOnlyList<string> Tables { get; } = ["trend_daily", "trend_refund_daily", "trend_case"];

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
        if (deltas.Cells.Count > 0)
        {
            var cells = deltas.Cells.ToArray();
            var parameters = new List<NpgsqlParameter>
            {
                Sql.Array(NpgsqlDbType.Text, cells.Select(c => c.Key.Dimension).ToArray()),
                Sql.Array(NpgsqlDbType.Date, cells.Select(c => c.Key.Day).ToArray()),
                Sql.Array(NpgsqlDbType.Text, cells.Select(c => c.Key.Value).ToArray()),
            };
            for (var counter = 0; counter < Counters.Count; counter++)
            {
                parameters.Add(Sql.Array(NpgsqlDbType.Bigint, cells.Select(c => c.Value[counter]).ToArray()));
            }
            batch.Add(_cells, [.. parameters]);
        }
        if (deltas.Refunds.Count > 0)
        {
            var refunds = deltas.Refunds.ToArray();
            batch.Add(
                _refunds,
                Sql.Array(NpgsqlDbType.Text, refunds.Select(r => r.Key.Key.Dimension).ToArray()),
                Sql.Array(NpgsqlDbType.Date, refunds.Select(r => r.Key.Key.Day).ToArray()),
                Sql.Array(NpgsqlDbType.Text, refunds.Select(r => r.Key.Key.Value).ToArray()),
                Sql.Array(NpgsqlDbType.Text, refunds.Select(r => r.Key.Currency).ToArray()),
                Sql.Array(NpgsqlDbType.Bigint, refunds.Select(r => r.Value.Refunds).ToArray()),
                Sql.Array(NpgsqlDbType.Numeric, refunds.Select(r => r.Value.Amount).ToArray()));
        }
        await batch.ExecuteAsync(connection, transaction, cancellationToken);
    }
}
