namespace Crm.Api.Seeding;

/// <summary>How far a generation run is.</summary>
/// <param name="DaysDone">Simulated days finished.</param>
/// <param name="Days">Days in all.</param>
/// <param name="Events">Events written so far.</param>
/// <param name="Elapsed">Time since the start.</param>
internal sealed record SeedProgress(int DaysDone, int Days, long Events, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;
}

/// <summary>What a generation run wrote.</summary>
/// <param name="Options">What was asked for.</param>
/// <param name="Staff">The staff the history was made by.</param>
/// <param name="EventsByType">Every event type of the domain, in catalogue order, with the number of events written.</param>
/// <param name="Commands">Commands sent.</param>
/// <param name="Refused">Commands the domain refused; each one is a bug of the generator.</param>
/// <param name="Refusals">The first refusals, with their reasons.</param>
/// <param name="Elapsed">How long it took.</param>
internal sealed record SeedReport(
    SeedOptions Options,
    SeedStaff Staff,
    IReadOnlyList<(string Type, long Count)> EventsByType,
    long Commands,
    long Refused,
    IReadOnlyList<SeedRefusal> Refusals,
    TimeSpan Elapsed)
{
    public long Events => EventsByType.Sum(e => e.Count);

    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;
}

/// <summary>The store cannot take the history asked for (it holds this seed's history already).</summary>
internal sealed class SeedConflictException(string message) : Exception(message);
