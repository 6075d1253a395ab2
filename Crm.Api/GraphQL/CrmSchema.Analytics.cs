using System.Globalization;
using Crm.Domain.Common;
using Crm.GraphQL.Types;
using Crm.Projections;

namespace Crm.Api.GraphQL;

internal static partial class CrmSchema
{
    /// <summary>The longest range a trend or KPI question may cover.</summary>
    private const int MaxRangeDays = 3660;

    private static void AddAnalytics(SchemaBuilder schema, CrmServices services)
    {
        schema.Type("Kpis", t => t
            .Description("Key performance indicators of a period and slice. Rates are fractions from 0 to 1, NPS is in points, times in seconds; a KPI whose denominator is zero is null (nothing to measure), never 0.")
            .Computed<ObjectTypeBuilder, KpiSet>("fcr", "Decimal", "FCR = resolved cases with exactly one customer contact and never reopened ÷ resolved cases.", k => k.Kpis.Fcr)
            .Computed<ObjectTypeBuilder, KpiSet>("averageHandleTimeSeconds", "Decimal", "AHT = (talk + hold + wrap-up seconds) ÷ handled contacts, over Phone and Chat.", k => k.Kpis.AverageHandleTimeSeconds)
            .Computed<ObjectTypeBuilder, KpiSet>("csat", "Decimal", "CSAT = answers of 4 or 5 ÷ all answers, on the 1–5 scale.", k => k.Kpis.Csat)
            .Computed<ObjectTypeBuilder, KpiSet>("averageCsat", "Decimal", "Average CSAT = sum of the answers ÷ all answers, on the 1–5 scale.", k => k.Kpis.AverageCsat)
            .Computed<ObjectTypeBuilder, KpiSet>("nps", "Decimal", "NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100.", k => k.Kpis.Nps)
            .Computed<ObjectTypeBuilder, KpiSet>("abandonmentRate", "Decimal", "Abandonment rate = abandoned ÷ offered, offered = answered inbound + abandoned, per queue.", k => k.Kpis.AbandonmentRate)
            .Computed<ObjectTypeBuilder, KpiSet>("escalationRate", "Decimal", "Escalation rate = cases escalated for the first time ÷ cases opened, in the same period.", k => k.Kpis.EscalationRate)
            .Computed<ObjectTypeBuilder, KpiSet>("reopenRate", "Decimal", "Reopen rate = reopenings ÷ resolved cases (first resolutions), in the same period.", k => k.Kpis.ReopenRate)
            .Computed<ObjectTypeBuilder, KpiSet>("slaCompliance", "Decimal", "SLA compliance = clocks met ÷ (clocks met + clocks breached), over both clocks (first response and resolution).", k => k.Kpis.SlaCompliance)
            .Computed<ObjectTypeBuilder, KpiSet>("firstResponseSlaCompliance", "Decimal", "First-response SLA compliance = first-response clocks met ÷ (met + breached).", k => k.Kpis.FirstResponseSlaCompliance)
            .Computed<ObjectTypeBuilder, KpiSet>("resolutionSlaCompliance", "Decimal", "Resolution SLA compliance = resolution clocks met ÷ (met + breached).", k => k.Kpis.ResolutionSlaCompliance)
            .Computed<ObjectTypeBuilder, KpiSet>("meanFirstResponseSeconds", "Decimal", "Mean first response time = Σ (first response − opened) ÷ first responses, in seconds.", k => k.Kpis.MeanFirstResponseSeconds)
            .Computed<ObjectTypeBuilder, KpiSet>("meanResolutionSeconds", "Decimal", "Mean resolution time = Σ (first resolution − opened) ÷ first resolutions, in seconds.", k => k.Kpis.MeanResolutionSeconds)
            .Computed<ObjectTypeBuilder, KpiSet>("counters", "KpiCounters!", "The summed counters the KPIs are computed from.", k => k.Counters));
        schema.Type("KpiCounters", t => t
            .Description("Counters summed over a period and slice; every KPI is a ratio of these.")
            .Prop("contacts", "Int!", "Contacts logged, on every channel.")
            .Prop("handledContacts", "Int!", "Contacts on Phone and Chat (the AHT denominator).")
            .Prop("talkSeconds", "Float!", "Talk seconds of handled contacts.")
            .Prop("holdSeconds", "Float!", "Hold seconds of handled contacts.")
            .Prop("wrapUpSeconds", "Float!", "Wrap-up seconds of handled contacts.")
            .Prop("offeredContacts", "Int!", "Contacts offered to a queue: answered inbound + abandoned.")
            .Prop("abandonedContacts", "Int!", "Contacts that left a queue before an agent answered.")
            .Prop("casesOpened", "Int!", "Cases opened.")
            .Prop("complaints", "Int!", "Complaints opened.")
            .Prop("casesResolved", "Int!", "Cases resolved for the first time.")
            .Prop("reopens", "Int!", "Reopenings.")
            .Prop("escalations", "Int!", "Escalations.")
            .Prop("escalatedCases", "Int!", "Cases escalated for the first time.")
            .Prop("firstResponseSlaMet", "Int!", "First-response clocks met.")
            .Prop("firstResponseSlaBreached", "Int!", "First-response clocks breached.")
            .Prop("resolutionSlaMet", "Int!", "Resolution clocks met.")
            .Prop("resolutionSlaBreached", "Int!", "Resolution clocks breached.")
            .Prop("firstResponseSecondsSum", "Float!", "Σ seconds from opening to first response.")
            .Prop("firstResponseCount", "Int!", "First responses.")
            .Prop("resolutionSecondsSum", "Float!", "Σ seconds from opening to first resolution.")
            .Prop("resolutionCount", "Int!", "First resolutions.")
            .Prop("fcrNumerator", "Int!", "Resolved cases with exactly one customer contact and never reopened.")
            .Prop("fcrDenominator", "Int!", "Resolved cases (the FCR denominator).")
            .Prop("remedies", "Int!", "Remedies issued.")
            .Prop("refunds", "Int!", "Refunds issued.")
            .Prop("csatAnswers", "Int!", "CSAT answers.")
            .Prop("csatSatisfied", "Int!", "CSAT answers of 4 or 5.")
            .Prop("csatSum", "Int!", "The sum of the CSAT answers.")
            .Prop("npsAnswers", "Int!", "NPS answers.")
            .Prop("npsPromoters", "Int!", "NPS answers of 9 or 10.")
            .Prop("npsDetractors", "Int!", "NPS answers of 0 to 6."));
        schema.Type("TrendPoint", t => t
            .Description("The counters and KPIs of one period and one value of the dimension.")
            .Prop("periodStart", "Date!", "The first day of the period (a Monday for weeks, the 1st for months); it may lie before the range asked for, but only days within the range are counted.")
            .Prop("value", "String!", "The dimension's value (all for TOTAL; a category, channel or kind name such as Complaint; a queue name; an agent's UUID).")
            .Computed<ObjectTypeBuilder, TrendPoint>("refunds", "[Money!]!", "Refunded money, one amount per currency.", p => p.RefundAmounts)
            .Computed<ObjectTypeBuilder, TrendPoint>("kpis", "Kpis!", "The KPIs and counters.", p => new KpiSet(p.Counters, p.Kpis)));
        schema.Type("AgentPerformance", t => t
            .Description("One agent's performance over a range of days.")
            .Prop("agentId", "UUID!", "The agent.")
            .Prop("contacts", "Int!", "Contacts the agent handled, on every channel.")
            .Prop("handledContacts", "Int!", "Of them, on Phone and Chat.")
            .Prop("handleSeconds", "Float!", "Talk + hold + wrap-up seconds of the Phone and Chat contacts.")
            .Prop("averageHandleTimeSeconds", "Decimal", "AHT = (talk + hold + wrap-up seconds) ÷ handled contacts, over Phone and Chat.")
            .Prop("casesResolved", "Int!", "Cases first resolved under the agent.")
            .Prop("fcrCases", "Int!", "Of them, resolved with exactly one customer contact and never reopened.")
            .Prop("fcr", "Decimal", "FCR = resolved cases with exactly one customer contact and never reopened ÷ resolved cases.")
            .Prop("csatAnswers", "Int!", "Survey answers on the agent's cases.")
            .Prop("csatSatisfied", "Int!", "Of them, 4 or 5.")
            .Prop("csat", "Decimal", "CSAT = answers of 4 or 5 ÷ all answers, on the 1–5 scale.")
            .Prop("averageCsat", "Decimal", "The mean answer, 1–5.")
            .Prop("escalations", "Int!", "Escalations of the agent's cases."));
        AddConnection(schema, "AgentPerformance", "A page of agents' performance, by agent id.", withCount: false);

        schema.Query(q => q
            .Field("trends", "[TrendPoint!]!", f => f
                .Description($"Counters and KPIs per period and dimension value over a range of UTC days (at most {MaxRangeDays}), ordered by period then value; periods and values without activity are left out.")
                .Argument("from", "Date!", a => a.Description("The first day counted."))
                .Argument("to", "Date!", a => a.Description("The last day counted (inclusive)."))
                .Argument("grain", "TimeGrain", a => a.Description("Day (default), week or month.").DefaultLiteral("DAY"))
                .Argument("dimension", "TrendDimension!", a => a.Description("What to break the counters down by."))
                .Argument("values", "[String!]", a => a.Description("Only these values of the dimension (e.g. one queue or agent id)."))
                .Resolve(async ctx =>
                {
                    var (from, to) = Range(ctx);
                    var values = Args.Get<object?[]>(ctx, "values");
                    if (values is { Length: 0 })
                    {
                        throw Args.BadInput("values is empty; leave it out to get every value.");
                    }
                    var query = new TrendQuery(from, to, Args.Struct<TrendGrain>(ctx, "grain") ?? TrendGrain.Day, Args.Struct<TrendDimension>(ctx, "dimension") ?? TrendDimension.Total)
                    {
                        Values = values?.Cast<string>().ToArray(),
                    };
                    return await Args.Guard(() => services.Queries.TrendsAsync(query, ctx.CancellationToken));
                }))
            .Field("kpis", "Kpis!", f => f
                .Description($"The KPIs over a range of UTC days (at most {MaxRangeDays}): of everything, or of one agent, one channel or one queue (give at most one of them; the abandonment rate is meaningful per queue).")
                .Argument("from", "Date!", a => a.Description("The first day counted."))
                .Argument("to", "Date!", a => a.Description("The last day counted (inclusive)."))
                .Argument("agentId", "UUID", a => a.Description("Only this agent's contacts and cases."))
                .Argument("channel", "Channel", a => a.Description("Only this channel."))
                .Argument("queue", "String", a => a.Description("Only this queue."))
                .Resolve(async ctx =>
                {
                    var (from, to) = Range(ctx);
                    var agent = Args.Struct<Guid>(ctx, "agentId");
                    var channel = Args.Struct<Channel>(ctx, "channel");
                    var queue = Args.Text(ctx, "queue");
                    if ((agent is null ? 0 : 1) + (channel is null ? 0 : 1) + (queue is null ? 0 : 1) > 1)
                    {
                        throw Args.BadInput("Give at most one of agentId, channel and queue: KPIs are kept per agent, per channel and per queue, not per combination.");
                    }
                    var (dimension, value) = agent is { } a ? (TrendDimension.Agent, a.ToString("D", CultureInfo.InvariantCulture))
                        : channel is { } c ? (TrendDimension.Channel, c.ToString())
                        : queue is not null ? (TrendDimension.Queue, queue)
                        : (TrendDimension.Total, null);
                    var (counters, kpis) = await Args.Guard(() => services.Queries.KpisAsync(from, to, dimension, value, ctx.CancellationToken));
                    return new KpiSet(counters, kpis);
                }))
            .Field("agentPerformance", "AgentPerformanceConnection!", f => f
                .Description($"Each agent's performance over a range of UTC days (at most {MaxRangeDays}), ordered by agent id (forward only).")
                .Argument("from", "Date!", a => a.Description("The first day counted."))
                .Argument("to", "Date!", a => a.Description("The last day counted (inclusive)."))
                .Argument("first", "Int", a => a.Description($"How many agents, 1 to {Args.MaxPageSize} (default {Args.DefaultPageSize})."))
                .Argument("after", "String", a => a.Description("The cursor of the agent to continue after."))
                .Resolve(async ctx =>
                {
                    var (from, to) = Range(ctx);
                    var page = Args.Page(ctx, backwardAllowed: false);
                    var agents = await Args.Guard(() => services.Queries.AgentPerformanceAsync(from, to, page.Size, page.Cursor, ctx.CancellationToken));
                    return Connections.From(agents, page.Cursor is not null, static a => a);
                })));
    }

    private static (DateOnly From, DateOnly To) Range(IResolverContext context)
    {
        var from = Args.Struct<DateOnly>(context, "from") ?? throw Args.BadInput("from is required.");
        var to = Args.Struct<DateOnly>(context, "to") ?? throw Args.BadInput("to is required.");
        if (to < from)
        {
            throw Args.BadInput($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }
        if (to.DayNumber - from.DayNumber >= MaxRangeDays)
        {
            throw Args.BadInput($"The range from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} covers more than {MaxRangeDays} days; ask for a shorter one.");
        }
        return (from, to);
    }

    /// <summary>KPIs with the counters they come from.</summary>
    private sealed record KpiSet(KpiCounters Counters, Kpis Kpis);
}
