using Crm.Projections.Cases;
using Crm.Projections.Profiles;
using Crm.Projections.Timeline;
using Crm.Projections.Trends;

namespace Crm.Projections.Engine;

/// <summary>The CRM read models, bound to one schema: what the host registers with the projection engine.</summary>
internal static class ReadModelProjections
{
    /// <summary>Every projection: the three inline ones first, then the two async ones.</summary>
    public static IReadOnlyList<IReadModelProjection> All(ReadModelSchema schema) =>
    [
        new CustomerTimelineProjection(schema),
        new CustomerProfileProjection(schema),
        new CaseViewProjection(schema),
        new TrendDailyProjection(schema),
        new AgentDailyProjection(schema),
    ];
}
