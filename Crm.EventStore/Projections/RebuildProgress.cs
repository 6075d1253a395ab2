namespace Crm.EventStore.Projections;

/// <summary>The steps of a rebuild or a comparison.</summary>
public enum RebuildPhase
{
    /// <summary>Creating the fresh tables.</summary>
    Preparing,

    /// <summary>Replaying the log into them while the live tables keep serving.</summary>
    Replaying,

    /// <summary>Applying the last events and swapping the tables in, in one transaction.</summary>
    Swapping,

    /// <summary>Comparing the fresh tables with the live ones, table by table.</summary>
    Comparing,

    /// <summary>Finished.</summary>
    Done,
}

/// <summary>How far a rebuild or comparison is.</summary>
/// <param name="Projection">The projection.</param>
/// <param name="Phase">The current step.</param>
/// <param name="EventsDone">Events replayed so far (of the projection's types).</param>
/// <param name="EventsTotal">Events expected in all (an estimate taken at the start; never below <paramref name="EventsDone"/>).</param>
/// <param name="EventsPerSecond">The replay rate so far.</param>
/// <param name="EstimatedTimeLeft">The replay time left at that rate; null until a rate is known.</param>
/// <param name="Elapsed">Time since the start.</param>
public sealed record RebuildProgress(
    string Projection,
    RebuildPhase Phase,
    long EventsDone,
    long EventsTotal,
    double EventsPerSecond,
    TimeSpan? EstimatedTimeLeft,
    TimeSpan Elapsed);

/// <summary>The outcome of a rebuild: the fresh tables are live.</summary>
/// <param name="Projection">The projection.</param>
/// <param name="EventsApplied">Events replayed into the fresh tables.</param>
/// <param name="Checkpoint">The checkpoint the fresh tables were swapped in at (for an async projection, its checkpoint now).</param>
/// <param name="DeadLetters">Events skipped (projections with <see cref="PoisonEventPolicy.SkipToDeadLetter"/>); they replace the projection's earlier dead letters.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record RebuildResult(string Projection, long EventsApplied, Checkpoint Checkpoint, IReadOnlyList<DeadLetter> DeadLetters, TimeSpan Elapsed);
