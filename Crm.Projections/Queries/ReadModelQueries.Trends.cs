using System.Globalization;
using Crm.Domain.Common;
using Crm.Projections.Engine;
using Crm.Projections.Trends;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Projections;

/// <summary>What trend counters are broken down by.</summary>
public enum TrendDimension
{
    /// <summary>No breakdown: one value, <c>all</c>.</summary>
    Total,

    /// <summary>The case category (contacts count here when linked to a case).</summary>
    Category,

    /// <summary>The channel of the contact, or the channel the case came through.</summary>
    Channel,

    /// <summary>The case kind (contacts count here when linked to a case).</summary>
    Kind,

    /// <summary>The contact queue (contacts only; the abandonment rate is read per queue).</summary>
    Queue,

    /// <summary>The agent (value: the agent's id).</summary>
    Agent,
}

/// <summary>The length of the periods a trend is summed over.</summary>
public enum TrendGrain
{
    /// <summary>UTC calendar days.</summary>
    Day,

    /// <summary>ISO weeks, Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar months.</summary>
    Month,
}

/// <summary>A trend question: a range of days, a grain and a dimension.</summary>
/// <param name="From">The first day counted (UTC).</param>
/// <param name="To">The last day counted (UTC), inclusive.</param>
/// <param name="Grain">Day, week or month.</param>
/// <param name="Dimension">What to break the counters down by.</param>
public sealed record TrendQuery(DateOnly From, DateOnly To, TrendGrain Grain, TrendDimension Dimension)
{
    /// <summary>Only these values of the dimension (e.g. one queue, one agent id); all when null.</summary>
    public IReadOnlyCollection<string>? Values { get; init; }
}

/// <summary>The counters and KPIs of one period and one dimension value.</summary>
/// <param name="PeriodStart">
/// The first day of the period (the Monday of an ISO week, the 1st of a month). It may lie before the
/// range asked for; only days within the range are counted.
/// </param>
/// <param name="Value">The dimension value.</param>
/// <param name="Counters">The summed counters.</param>
/// <param name="RefundAmounts">Refunded money, one amount per currency.</param>
/// <param name="Kpis">The KPIs of the counters.</param>
public sealed record TrendPoint(DateOnly PeriodStart, string Value, KpiCounters Counters, IReadOnlyList<Money> RefundAmounts, Kpis Kpis);

/// <summary>An agent's performance over a range of days.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Contacts">Contacts the agent handled, on every channel.</param>
/// <param name="HandledContacts">Of them, on Phone and Chat.</param>
/// <param name="HandleSeconds">Talk + hold + wrap-up seconds of the Phone and Chat contacts.</param>
/// <param name="AverageHandleTimeSeconds">AHT = (talk + hold + wrap-up seconds) ÷ handled contacts, over Phone and Chat.</param>
/// <param name="CasesResolved">Cases first resolved under the agent.</param>
/// <param name="FcrCases">Of them, resolved with exactly one customer contact and never reopened.</param>
/// <param name="Fcr">FCR = resolved cases with exactly one customer contact and never reopened ÷ resolved cases.</param>
/// <param name="CsatAnswers">Survey answers on the agent's cases.</param>
/// <param name="CsatSatisfied">Of them, 4 or 5.</param>
/// <param name="Csat">CSAT = answers of 4 or 5 ÷ all answers.</param>
/// <param name="AverageCsat">The mean answer, 1–5.</param>
/// <param name="Escalations">Escalations of the agent's cases.</param>
public sealed record AgentPerformance(
    Guid AgentId,
    long Contacts,
    long HandledContacts,
    long HandleSeconds,
    decimal? AverageHandleTimeSeconds,
    long CasesResolved,
    long FcrCases,
    decimal? Fcr,
    long CsatAnswers,
    long CsatSatisfied,
    decimal? Csat,
    decimal? AverageCsat,
    long Escalations);

public sealed partial class ReadModelQueries
{
    private const string AgentList = "agents";

    /// <summary>
    /// The counters and KPIs per period and dimension value over a range of days, ordered by period
    /// then value. Periods and values without any counted event are left out.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendsAsync(TrendQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckRange<DateOnly>(query.From, query.To, "trend");
        var grain = query.Grain switch
        {
            TrendGrain.Day => "day",
            TrendGrain.Week => "week",
            TrendGrain.Month => "month",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Grain, $"{query.Grain} is not a grain; use Day, Week or Month."),
        };
        var period = $"date_trunc('{grain}', day::timestamp)::date";
        var (where, parameters) = TrendWhere(query.Dimension, query.From, query.To, query.Values);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, $"""
            SELECT {period}, value, {string.Join(", ", Counters.Columns.Select(c => $"sum({c})::bigint"))}
            FROM __schema__.trend_daily {where}
            GROUP BY 1, 2 ORDER BY 1, 2
            """, [.. parameters()]);
        Add(batch, $"""
            SELECT {period}, value, currency, sum(amount)
            FROM __schema__.trend_refund_daily {where}
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, [.. parameters()]);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var points = new List<(DateOnly Period, string Value, KpiCounters Counters)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var r = reader;
            points.Add((r.GetFieldValue<DateOnly>(0), r.GetString(1), KpiCounters.From(c => r.GetInt64(2 + (int)c))));
        }
        await reader.NextResultAsync(cancellationToken);
        var refunds = new Dictionary<(DateOnly, string), List<Money>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetFieldValue<DateOnly>(0), reader.GetString(1));
            if (!refunds.TryGetValue(key, out var amounts))
            {
                refunds[key] = amounts = [];
            }
            amounts.Add(new Money(reader.GetDecimal(3), reader.GetString(2)));
        }
        return [.. points.Select(p => new TrendPoint(p.Period, p.Value, p.Counters, refunds.GetValueOrDefault((p.Period, p.Value)) ?? [], KpiCalculator.Calculate(p.Counters)))];
    }

    /// <summary>
    /// The counters and KPIs of one slice over a range of days: everything (<see cref="TrendDimension.Total"/>),
    /// or one value of a dimension (e.g. one queue for its abandonment rate, one agent).
    /// </summary>
    public async Task<(KpiCounters Counters, Kpis Kpis)> KpisAsync(
        DateOnly from, DateOnly to, TrendDimension dimension = TrendDimension.Total, string? value = null, CancellationToken cancellationToken = default)
    {
        CheckRange<DateOnly>(from, to, "KPI");
        if (dimension != TrendDimension.Total && value is null)
        {
            throw new ArgumentException($"Name the {dimension.ToString().ToLowerInvariant()} whose KPIs you want (value), or use the Total dimension.", nameof(value));
        }
        var (where, parameters) = TrendWhere(dimension, from, to, dimension == TrendDimension.Total ? null : [value!]);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {string.Join(", ", Counters.Columns.Select(c => $"COALESCE(sum({c}), 0)::bigint"))} FROM __schema__.trend_daily {where}");
        command.Parameters.AddRange(parameters().ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var counters = KpiCounters.From(c => reader.GetInt64((int)c));
        return (counters, KpiCalculator.Calculate(counters));
    }

    /// <summary>Each agent's performance over the days from <paramref name="from"/> to <paramref name="to"/> (inclusive), ordered by agent id.</summary>
    public async Task<Page<AgentPerformance>> AgentPerformanceAsync(
        DateOnly from, DateOnly to, int first = 50, string? after = null, CancellationToken cancellationToken = default)
    {
        CheckRange<DateOnly>(from, to, "agent performance");
        Cursors.CheckPageSize(first);
        var parameters = new List<NpgsqlParameter> { Sql.Date(from), Sql.Date(to) };
        var keyset = "";
        if (after is not null)
        {
            parameters.Add(Sql.Uuid(Guid.Parse(Cursors.Decode(AgentList, after, 1)[0], CultureInfo.InvariantCulture)));
            keyset = $"AND agent_id > ${parameters.Count}";
        }
        parameters.Add(Sql.Int(first + 1));
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT agent_id, sum(contacts)::bigint, sum(handled_contacts)::bigint, sum(talk_seconds + hold_seconds + wrap_up_seconds)::bigint,
                   sum(cases_resolved)::bigint, sum(fcr_numerator)::bigint, sum(fcr_denominator)::bigint,
                   sum(csat_answers)::bigint, sum(csat_satisfied)::bigint, sum(csat_sum)::bigint, sum(escalations)::bigint
            FROM __schema__.agent_daily
            WHERE day >= $1 AND day <= $2 {keyset}
            GROUP BY agent_id ORDER BY agent_id LIMIT ${parameters.Count}
            """);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var agents = new List<AgentPerformance>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var handled = reader.GetInt64(2);
            var handleSeconds = reader.GetInt64(3);
            var (fcrCases, fcrDenominator) = (reader.GetInt64(5), reader.GetInt64(6));
            var (answers, satisfied, sum) = (reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9));
            agents.Add(new AgentPerformance(
                reader.GetGuid(0), reader.GetInt64(1), handled, handleSeconds, KpiCalculator.AverageHandleTime(handleSeconds, 0, 0, handled),
                reader.GetInt64(4), fcrCases, KpiCalculator.Fcr(fcrCases, fcrDenominator),
                answers, satisfied, KpiCalculator.Csat(satisfied, answers), KpiCalculator.Mean(sum, answers), reader.GetInt64(10)));
        }
        return ToPage(agents, first, a => Cursors.Encode(AgentList, a.AgentId.ToString("D", CultureInfo.InvariantCulture)));
    }

    /// <summary>The WHERE clause of a trend question and a factory of its parameters (each statement needs its own instances).</summary>
    private static (string Where, Func<List<NpgsqlParameter>> Parameters) TrendWhere(
        TrendDimension dimension, DateOnly from, DateOnly to, IReadOnlyCollection<string>? values)
    {
        var stored = dimension.Stored();
        if (values is { Count: 0 })
        {
            throw new ArgumentException("The values filter is empty; leave it out to get every value.", nameof(values));
        }
        var where = "WHERE dimension = $1 AND day >= $2 AND day <= $3" + (values is null ? "" : " AND value = ANY($4)");
        return (where, () =>
        {
            var parameters = new List<NpgsqlParameter> { Sql.Text(stored), Sql.Date(from), Sql.Date(to) };
            if (values is not null)
            {
                parameters.Add(Sql.Array(NpgsqlDbType.Text, values.ToArray()));
            }
            return parameters;
        });
    }
}
