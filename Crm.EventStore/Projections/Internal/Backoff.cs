using System.Security.Cryptography;

namespace Crm.EventStore.Projections.Internal;

/// <summary>Exponential delays with jitter, so instances retrying after one outage do not retry in step.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private int _attempt;

    public int Attempts => _attempt;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_attempt, 30);
        _attempt++;
        var delay = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var jitter = RandomNumberGenerator.GetInt32(800, 1201) / 1000.0;
        return TimeSpan.FromMilliseconds(Math.Min(delay * jitter, max.TotalMilliseconds));
    }

    public void Reset() => _attempt = 0;
}
