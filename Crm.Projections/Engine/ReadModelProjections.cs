using Crm.Projections.Cases;
using Crm.Projections.Profiles;
using Crm.Projections.Timeline;
using Crm.Projections.Trends;

namespace Crm.Projections.Engine;

/// <summary>The CRM read models, bound to one schema: what the host registers with the projection engine.</summary>
internal static class ReadModelProjections
{
    /// <summary>Every projection: the three inline ones first, then the two async ones.</summary>
    /// <param name="schema">The schema whose tables the projections write.</param>
    /// <param name="soleWriter">
    /// Whether the projections are the only writers of those tables (a rebuild's fresh tables), so
    /// a projection may read a row, change it in memory and write it back without racing a
    /// concurrent append.
    /// </param>
    public static IReadOnlyList<IReadModelProjection> All(ReadModelSchema schema, bool soleWriter = false) =>
    [
        new CustomerTimelineProjection(schema),
        new CustomerProfileProjection(schema),
        new CaseViewProjection(schema, soleWriter),
        new TrendDailyProjection(schema),
        new AgentDailyProjection(schema),
    ];
}
