namespace Crm.Projections.Trends;

/// <summary>A cell of the trend table: one day of one value of one dimension.</summary>
internal readonly record struct TrendKey(string Dimension, DateOnly Day, string Value);

/// <summary>
/// The counter changes a batch of events makes, summed per cell before they are written. Every
/// cell touched is written even when its changes cancel out, so which rows exist does not depend
/// on how the log was cut into batches.
/// </summary>
internal sealed class CounterDeltas
{
    public Dictionary<TrendKey, long[]> Cells { get; } = [];

    public Dictionary<(TrendKey Key, string Currency), (long Refunds, decimal Amount)> Refunds { get; } = [];

    public void Add(DateOnly day, IReadOnlyList<(string Dimension, string Value)> targets, Counter counter, long delta)
    {
        foreach (var (dimension, value) in targets)
        {
            var key = new TrendKey(dimension, day, value);
            if (!Cells.TryGetValue(key, out var counters))
            {
                counters = new long[Counters.Count];
                Cells[key] = counters;
            }
            counters[(int)counter] += delta;
        }
    }

    public void AddRefund(DateOnly day, IReadOnlyList<(string Dimension, string Value)> targets, string currency, decimal amount)
    {
        foreach (var (dimension, value) in targets)
        {
            var key = (new TrendKey(dimension, day, value), currency);
            var (refunds, sum) = Refunds.GetValueOrDefault(key);
            Refunds[key] = (refunds + 1, sum + amount);
        }
    }
}
