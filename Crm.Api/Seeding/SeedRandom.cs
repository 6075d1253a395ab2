using Bogus;

namespace Crm.Api.Seeding;

/// <summary>The distributions the generator draws from, on top of a seeded <see cref="Randomizer"/>.</summary>
internal static class SeedRandom
{
    // Contact volume by hour of day (UTC), 07:00 to 20:59: a morning peak, a lunch dip and an
    // afternoon peak, as call centres see it.
    private static readonly Weighted<int> Hours = new(
        (7, 2), (8, 6), (9, 9), (10, 11), (11, 10), (12, 6), (13, 7), (14, 9), (15, 9), (16, 8), (17, 6), (18, 4), (19, 2), (20, 1));

    /// <summary>True with the given probability.</summary>
    public static bool Chance(this Randomizer random, double probability) => random.Double() < probability;

    /// <summary>
    /// A log-normal draw: most values near <paramref name="median"/>, a long tail above it, as
    /// handle times, waits and amounts are. <paramref name="spread"/> is the standard deviation of the logarithm.
    /// </summary>
    public static double LogNormal(this Randomizer random, double median, double spread)
    {
        // Box–Muller: two uniform draws give one standard normal one.
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(spread * normal);
    }

    /// <summary>A draw from the normal distribution.</summary>
    public static double Normal(this Randomizer random, double mean, double deviation)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>How many events of a Poisson process with mean <paramref name="mean"/> happen in one interval.</summary>
    public static int Poisson(this Randomizer random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 30)
        {
            // The normal approximation is close enough at this size and needs no long loop.
            return Math.Max(0, (int)Math.Round(random.Normal(mean, Math.Sqrt(mean))));
        }
        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.Double();
        while (product > limit)
        {
            count++;
            product *= random.Double();
        }
        return count;
    }

    /// <summary>A whole number of seconds from a log-normal draw, kept within bounds.</summary>
    public static int Seconds(this Randomizer random, double median, double spread, int min, int max) =>
        (int)Math.Clamp(Math.Round(random.LogNormal(median, spread)), min, max);

    /// <summary>A duration between two bounds, uniformly.</summary>
    public static TimeSpan Between(this Randomizer random, TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromSeconds(Math.Round(random.Double() * (max - min).TotalSeconds));

    /// <summary>An exponentially distributed gap with the given mean: the time to the next event of a Poisson process.</summary>
    public static TimeSpan Exponential(this Randomizer random, TimeSpan mean) =>
        TimeSpan.FromSeconds(Math.Round(-Math.Log(1.0 - random.Double()) * mean.TotalSeconds));

    /// <summary>
    /// A moment in office hours on <paramref name="day"/>. With <paramref name="quieterWeekends"/>,
    /// weekends get a quarter of the weekday volume: a weekend draw moves to the following Monday
    /// three times in four.
    /// </summary>
    public static DateTimeOffset OfficeTime(this Randomizer random, DateOnly day, bool quieterWeekends = true)
    {
        if (quieterWeekends && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && random.Chance(0.75))
        {
            day = day.AddDays(day.DayOfWeek == DayOfWeek.Saturday ? 2 : 1);
        }
        var hour = Hours.Pick(random);
        var second = random.Number(0, 3599);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero).AddSeconds(second);
    }

    /// <summary>A money amount with cents, from a log-normal draw, kept within bounds.</summary>
    public static decimal Amount(this Randomizer random, double median, double spread, decimal min, decimal max) =>
        Math.Clamp(Math.Round((decimal)random.LogNormal(median, spread), 2), min, max);
}

/// <summary>A fixed set of choices with weights, drawn from in proportion to them.</summary>
/// <typeparam name="T">The choices' type.</typeparam>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulative;

    public Weighted(params (T Value, double Weight)[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length == 0 || choices.Any(c => c.Weight < 0) || choices.Sum(c => c.Weight) <= 0)
        {
            throw new ArgumentException("Give at least one choice and weights that are not negative and not all zero.", nameof(choices));
        }
        _values = [.. choices.Select(c => c.Value)];
        _cumulative = new double[choices.Length];
        var sum = 0.0;
        for (var i = 0; i < choices.Length; i++)
        {
            sum += choices[i].Weight;
            _cumulative[i] = sum;
        }
    }

    /// <summary>The choices, in the order given.</summary>
    public IReadOnlyList<T> Values => _values;

    public T Pick(Randomizer random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var target = random.Double() * _cumulative[^1];
        for (var i = 0; i < _cumulative.Length; i++)
        {
            if (target < _cumulative[i])
            {
                return _values[i];
            }
        }
        return _values[^1];
    }
}
