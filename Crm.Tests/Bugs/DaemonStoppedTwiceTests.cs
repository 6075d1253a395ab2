using Crm.EventStore.Projections;
using Crm.Tests.EventStore.Projections;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.Projections.ProjectionKit;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.Bugs;

/// <summary>
/// A host stops its services more than once and disposes them right after (WebApplicationFactory
/// does both). A second StopAsync returned at once while the first was still stopping the agents,
/// and the disposal that followed disposed an agent's token source under the first stop:
/// ObjectDisposedException on shutdown. Every stop now waits for the one in progress.
/// </summary>
public sealed class DaemonStoppedTwiceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task StopAndDispose_DuringAStop_WaitForIt_AndNothingThrows()
    {
        var projection = new CountingProjection("twice", ReadSchema());
        await projection.CreateTablesAsync(database.DataSource);
        var registry = new ProjectionRegistry().Async(projection);
        await using var store = Store(database, UniqueSchema(), registry);
        var daemon = new ProjectionDaemon(store, registry, Options("twice"));
        await AppendItemsAsync(store, "cart-1", 10);
        await daemon.StartAsync();
        await daemon.WaitForCatchUpAsync(Deadline);
        await EventuallyAsync(() => daemon.LeadingProjections.Count == 1, "the daemon leads its projection");

        var first = daemon.StopAsync();
        var second = daemon.StopAsync();
        var disposal = daemon.DisposeAsync().AsTask();
        await Task.WhenAll(first, second, disposal);

        Assert.False(daemon.IsRunning);
        Assert.Empty(daemon.LeadingProjections);
        Assert.Equal((10, 0), await AppliedAsync(database, projection));
    }
}
