using Crm.EventStore.Projections.Internal;

namespace Crm.EventStore.Projections;

public sealed partial class ProjectionDaemon
{
    /// <summary>
    /// Rebuilds a projection blue/green: replays the whole log into fresh copies of its tables while
    /// the live tables keep serving (and an async projection keeps running), then swaps the copies in
    /// with one transaction, together with the checkpoint and the dead letters. Readers see the old
    /// tables until that commit and the new ones after it. An inline projection's writers wait only
    /// for the swap itself. Works whether or not this daemon runs; one rebuild per projection at a time.
    /// </summary>
    /// <remarks>
    /// The copies are created with <c>CREATE TABLE … (LIKE live INCLUDING ALL)</c> in a schema of
    /// their own and moved into the live schema; index names are kept. Grants, triggers, foreign keys
    /// and views on a projection's tables are not carried over (a view or foreign key referencing
    /// them makes the swap fail, leaving the live tables as they were).
    /// </remarks>
    /// <param name="projection">The projection's name.</param>
    /// <param name="progress">Receives progress after each batch: events done, events per second, time left.</param>
    /// <param name="cancellationToken">Abandons the rebuild; the live tables stay as they were.</param>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    /// <exception cref="ProjectionException">
    /// An event fails (and the projection's policy is to pause), a table is missing, or a rebuild of the
    /// projection is already running. The live tables stay as they were.
    /// </exception>
    public async Task<RebuildResult> RebuildAsync(string projection, IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var registered = Find(projection);
        await InitializeAsync(cancellationToken);
        return await new Rebuilder(_context, registered, _filters[registered.Name], progress).RebuildAsync(cancellationToken);
    }

    /// <summary>
    /// Rebuilds several projections as <see cref="RebuildAsync(string, IProgress{RebuildProgress}?, CancellationToken)"/>
    /// does, up to <paramref name="maxParallel"/> at once: each replays the log on connections of its
    /// own, and projections never share tables, so their swaps never wait for each other. A rebuild
    /// keeps about one database core busy, so a small machine is used fully with two.
    /// </summary>
    /// <param name="projections">The projections' names; all are checked before any rebuild starts.</param>
    /// <param name="maxParallel">How many rebuilds run at once (at least 1).</param>
    /// <param name="progress">Gives each projection's progress receiver, or null for none.</param>
    /// <param name="cancellationToken">Abandons the rebuilds still running (their live tables stay as they were).</param>
    /// <returns>The results, in the order of <paramref name="projections"/>.</returns>
    /// <exception cref="ArgumentException">A name is not a registered projection's.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxParallel"/> is below 1.</exception>
    /// <exception cref="ProjectionException">
    /// A rebuild failed: the ones not finished yet are abandoned (their live tables stay as they were);
    /// the ones already swapped in stay.
    /// </exception>
    public async Task<IReadOnlyList<RebuildResult>> RebuildAsync(
        IReadOnlyList<string> projections,
        int maxParallel,
        Func<string, IProgress<RebuildProgress>?>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projections);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var registered = projections.Select(Find).ToArray();
        await InitializeAsync(cancellationToken);
        var results = new RebuildResult[registered.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, registered.Length),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var projection = registered[i];
                results[i] = await new Rebuilder(_context, projection, _filters[projection.Name], progress?.Invoke(projection.Name)).RebuildAsync(ct);
            });
        return results;
    }

    /// <summary>
    /// Replays the log into fresh copies of a projection's tables, as a rebuild does, and compares
    /// them with the live tables at one consistent point of the log (an async projection's checkpoint,
    /// or for an inline one the events committed at that moment), without changing anything live.
    /// Each table is fingerprinted (row count and a checksum over every row); for a table that
    /// differs, the first differing row in primary-key order is shown on both sides.
    /// </summary>
    /// <param name="projection">The projection's name.</param>
    /// <param name="progress">Receives progress after each batch.</param>
    /// <param name="cancellationToken">Abandons the comparison.</param>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    /// <exception cref="ProjectionException">
    /// An event fails in the replay (policy pause), a table is missing or has no primary key to pair
    /// rows by, or a rebuild of the projection is running.
    /// </exception>
    public async Task<ProjectionComparison> CompareAsync(string projection, IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var registered = Find(projection);
        await InitializeAsync(cancellationToken);
        return await new Rebuilder(_context, registered, _filters[registered.Name], progress).CompareAsync(cancellationToken);
    }
}
