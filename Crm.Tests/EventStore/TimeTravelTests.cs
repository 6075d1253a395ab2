using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

public sealed class TimeTravelTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly Func<int, RecordedEvent, int> SumQuantities = (total, e) => e.Data is ItemAdded added ? total + added.Quantity : total;

    [Fact]
    public async Task ReadUpToAVersion_ShowsTheStreamAsItWasThen()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Many(10));

        var page = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToVersion = new StreamVersion(4) });
        var backward = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToVersion = new StreamVersion(4), Direction = ReadDirection.Backward });

        Assert.Equal([1L, 2L, 3L, 4L], page.Events.Select(e => e.Version.Value));
        Assert.True(page.IsEnd);
        Assert.Equal([4L, 3L, 2L, 1L], backward.Events.Select(e => e.Version.Value));
    }

    [Fact]
    public async Task AggregateUpToAVersion_FoldsOnlyThoseEvents()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Many(10));

        var then = await store.AggregateAsync("s", 0, SumQuantities, upToVersion: new StreamVersion(4));
        var now = await store.AggregateAsync("s", 0, SumQuantities);

        Assert.Equal(1 + 2 + 3 + 4, then.State);
        Assert.Equal(new StreamVersion(4), then.Version);
        Assert.Equal(55, now.State);
        Assert.Equal(new StreamVersion(10), now.Version);
    }

    [Fact]
    public async Task ReadUpToAMoment_ShowsWhatTheStoreHadRecordedThen()
    {
        await using var store = Create(database);
        var first = await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a", 1)]);
        var second = await store.AppendAsync("s", ExpectedVersion.Exactly(1), [Added("b", 2), Added("c", 3)]);
        var third = await store.AppendAsync("s", ExpectedVersion.Exactly(3), [Added("d", 4)]);
        var moment = second.Events[0].RecordedAt;
        Assert.True(third.Events[0].RecordedAt > moment);

        var atSecond = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToMoment = moment });
        var justBefore = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToMoment = moment.AddTicks(-10) });
        var beforeAll = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToMoment = first.Events[0].RecordedAt.AddTicks(-10) });
        var backward = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToMoment = moment, Direction = ReadDirection.Backward });
        var aggregate = await store.AggregateAsync("s", 0, SumQuantities, upToMoment: moment);

        Assert.Equal([1L, 2L, 3L], atSecond.Events.Select(e => e.Version.Value));
        Assert.Equal([1L], justBefore.Events.Select(e => e.Version.Value));
        Assert.Empty(beforeAll.Events);
        Assert.Equal([3L, 2L, 1L], backward.Events.Select(e => e.Version.Value));
        Assert.Equal(1 + 2 + 3, aggregate.State);
        Assert.Equal(new StreamVersion(3), aggregate.Version);
    }

    [Fact]
    public async Task VersionAndMomentTogether_TheEarlierBoundWins()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Many(2));
        var later = await store.AppendAsync("s", ExpectedVersion.Exactly(2), Many(2, "later"));

        var byVersion = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToVersion = new StreamVersion(1), UpToMoment = later.Events[1].RecordedAt });
        var byMoment = await store.ReadStreamAsync("s", new ReadStreamOptions { UpToVersion = new StreamVersion(4), UpToMoment = later.Events[0].RecordedAt.AddTicks(-10) });

        Assert.Equal([1L], byVersion.Events.Select(e => e.Version.Value));
        Assert.Equal([1L, 2L], byMoment.Events.Select(e => e.Version.Value));
    }

    [Fact]
    public async Task PagingForwardAndBackward_CoversTheStreamExactlyOnce()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Many(25));

        var forward = await ReadAllPagesAsync(store, new ReadStreamOptions { MaxCount = 10 });
        var backward = await ReadAllPagesAsync(store, new ReadStreamOptions { MaxCount = 10, Direction = ReadDirection.Backward });
        var fromMiddle = await store.ReadStreamAsync("s", new ReadStreamOptions { FromVersion = new StreamVersion(20), MaxCount = 3 });
        var backFromMiddle = await store.ReadStreamAsync("s", new ReadStreamOptions { FromVersion = new StreamVersion(5), Direction = ReadDirection.Backward });

        Assert.Equal(Enumerable.Range(1, 25).Select(v => (long)v), forward.Versions);
        Assert.Equal(3, forward.Pages);
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(v => (long)v), backward.Versions);
        Assert.Equal([20L, 21L, 22L], fromMiddle.Events.Select(e => e.Version.Value));
        Assert.Equal(new StreamVersion(23), fromMiddle.NextVersion);
        Assert.Equal([5L, 4L, 3L, 2L, 1L], backFromMiddle.Events.Select(e => e.Version.Value));
    }

    [Fact]
    public async Task ExactPageSize_EndsWithoutAnEmptyExtraPage()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Many(10));

        var page = await store.ReadStreamAsync("s", new ReadStreamOptions { MaxCount = 10 });

        Assert.Equal(10, page.Events.Count);
        Assert.True(page.IsEnd);
    }

    [Fact]
    public async Task MissingStream_ReadsEmpty_AndAggregatesToTheInitialState()
    {
        await using var store = Create(database);

        var page = await store.ReadStreamAsync("nothing-here");
        var aggregate = await store.AggregateAsync("nothing-here", 42, SumQuantities);

        Assert.Empty(page.Events);
        Assert.True(page.IsEnd);
        Assert.Equal(42, aggregate.State);
        Assert.Equal(StreamVersion.None, aggregate.Version);
    }

    [Fact]
    public async Task RecordedAt_GrowsWithTheVersionsOfAStream()
    {
        await using var store = Create(database);
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAsync("s", ExpectedVersion.Any, [Added($"x{i}")]);
        }

        var events = (await store.ReadStreamAsync("s")).Events;

        Assert.Equal(events.Select(e => e.RecordedAt).Order(), events.Select(e => e.RecordedAt));
    }

    private static async Task<(List<long> Versions, int Pages)> ReadAllPagesAsync(PostgresEventStore store, ReadStreamOptions options)
    {
        var versions = new List<long>();
        var pages = 0;
        while (true)
        {
            var page = await store.ReadStreamAsync("s", options);
            pages++;
            versions.AddRange(page.Events.Select(e => e.Version.Value));
            if (page.NextVersion is not { } next)
            {
                return (versions, pages);
            }
            options = options with { FromVersion = next };
        }
    }
}
