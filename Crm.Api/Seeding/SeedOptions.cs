using System.Globalization;

namespace Crm.Api.Seeding;

/// <summary>
/// What to generate. The history covers the <see cref="Days"/> days before <see cref="Anchor"/>
/// (from <see cref="Start"/>, midnight UTC, up to <see cref="End"/>, the anchor day's midnight UTC),
/// so the same options give the same history whenever they run.
/// </summary>
internal sealed record SeedOptions
{
    public const int MaxCustomers = 100_000;
    public const int MaxDays = 3_650;
    public const int MaxParallelism = 64;

    /// <summary>How many customers to register.</summary>
    public int Customers { get; init; } = 1000;

    /// <summary>The seed every random draw, name and id is derived from.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How many days the history spans.</summary>
    public int Days { get; init; } = 180;

    /// <summary>The day the history ends at (its midnight UTC, exclusive).</summary>
    public required DateOnly Anchor { get; init; }

    /// <summary>How many customers are simulated at once.</summary>
    public int Parallelism { get; init; } = 4;

    public DateTimeOffset End => new(Anchor.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset Start => End.AddDays(-Days);

    /// <summary>Why these options cannot be used, one sentence each; empty when they can.</summary>
    /// <param name="today">Today's date (UTC): the history must not end in the future.</param>
    public IReadOnlyList<string> Problems(DateOnly today)
    {
        var problems = new List<string>();
        if (Customers is < 1 or > MaxCustomers)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--customers must be from 1 to {MaxCustomers:N0}; {Customers} is not."));
        }
        if (Days is < 1 or > MaxDays)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--days must be from 1 to {MaxDays:N0}; {Days} is not."));
        }
        if (Parallelism is < 1 or > MaxParallelism)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--parallel must be from 1 to {MaxParallelism}; {Parallelism} is not."));
        }
        if (Anchor > today)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--anchor {Anchor:yyyy-MM-dd} lies in the future; the history must end today ({today:yyyy-MM-dd}) or earlier."));
        }
        else if (Anchor.DayNumber - Days < DateOnly.MinValue.DayNumber + 1)
        {
            problems.Add("--anchor minus --days lies before the first representable date.");
        }
        return problems;
    }
}
