namespace Crm.Projections.Trends;

/// <summary>The stored names of the trend dimensions (see <see cref="TrendDimension"/>).</summary>
internal static class TrendDimensions
{
    public const string Total = "total";
    public const string Category = "category";
    public const string Channel = "channel";
    public const string Kind = "kind";
    public const string Queue = "queue";
    public const string Agent = "agent";

    /// <summary>The single value of the total dimension.</summary>
    public const string All = "all";

    public static string Stored(this TrendDimension dimension) => dimension switch
    {
        TrendDimension.Total => Total,
        TrendDimension.Category => Category,
        TrendDimension.Channel => Channel,
        TrendDimension.Kind => Kind,
        TrendDimension.Queue => Queue,
        TrendDimension.Agent => Agent,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"{dimension} is not a trend dimension; use one of {string.Join(", ", Enum.GetNames<TrendDimension>())}."),
    };
}
