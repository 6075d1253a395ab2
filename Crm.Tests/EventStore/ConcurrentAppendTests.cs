using Crm.EventStore;
using Crm.Tests.Infrastructure;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

public sealed class ConcurrentAppendTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Writers = 32;

    [Fact]
    public async Task ThirtyTwoWriters_ExpectingTheSameVersion_OneWins_AndEveryLoserGetsTheTypedError()
    {
        await using var store = Create(database);
        await store.AppendAsync("race", ExpectedVersion.NoStream, Many(5));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ready = new CountdownEvent(Writers);

        var attempts = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            // Every writer reads the stream before any of them writes.
            var seen = (await store.GetStreamAsync("race"))!.Version;
            ready.Signal();
            await start.Task;
            try
            {
                await store.AppendAsync("race", ExpectedVersion.Exactly(seen), [new EventData(new Marked(writer, 0))]);
                return (Exception?)null;
            }
            catch (WrongExpectedVersionException ex)
            {
                return ex;
            }
        })).ToList();
        await Task.Run(() => ready.Wait(TimeSpan.FromSeconds(30)));
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        var losers = outcomes.OfType<WrongExpectedVersionException>().ToList();
        Assert.Equal(Writers - 1, losers.Count);
        Assert.All(losers, l =>
        {
            Assert.Equal("race", l.StreamId);
            Assert.Equal(ExpectedVersion.Exactly(5), l.ExpectedVersion);
            Assert.Equal(new StreamVersion(6), l.ActualVersion);
        });
        var events = (await store.ReadStreamAsync("race")).Events;
        Assert.Equal(Enumerable.Range(1, 6).Select(v => (long)v), events.Select(e => e.Version.Value));
        Assert.True((await store.VerifyStreamAsync("race")).IsIntact);
    }

    [Fact]
    public async Task ThirtyTwoWriters_RetryingOnConflicts_WriteEveryVersionExactlyOnce()
    {
        const int EventsPerWriter = 4;
        await using var store = Create(database);
        await store.InitializeAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var conflicts = 0;

        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            for (var sequence = 0; sequence < EventsPerWriter;)
            {
                var version = (await store.GetStreamAsync("race"))?.Version ?? StreamVersion.None;
                try
                {
                    await store.AppendAsync("race", ExpectedVersion.Exactly(version), [new EventData(new Marked(writer, sequence))]);
                    sequence++;
                }
                catch (WrongExpectedVersionException ex)
                {
                    Assert.True(ex.ActualVersion > version, "a loser is told a newer version than the one it expected");
                    Interlocked.Increment(ref conflicts);
                }
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        var events = (await store.ReadStreamAsync("race", new ReadStreamOptions { MaxCount = 10_000 })).Events;
        Assert.Equal(Enumerable.Range(1, Writers * EventsPerWriter).Select(v => (long)v), events.Select(e => e.Version.Value));
        var marks = events.Select(e => (Marked)e.Data).ToList();
        Assert.Equal(Writers * EventsPerWriter, marks.Distinct().Count());
        foreach (var writer in marks.GroupBy(m => m.Writer))
        {
            Assert.Equal(Enumerable.Range(0, EventsPerWriter), writer.Select(m => m.Sequence));
        }
        Assert.True(conflicts > 0, "32 writers racing on one stream must have collided");
        Assert.Equal(Writers * EventsPerWriter, await ScalarAsync(database, $"SELECT count(*) FROM {store.Schema}.events"));
        Assert.True((await store.VerifyStreamAsync("race")).IsIntact);
    }

    [Fact]
    public async Task ThirtyTwoWriters_WithAnyVersion_AllSucceed_AndEachAppendStaysContiguous()
    {
        const int EventsPerAppend = 3;
        await using var store = Create(database);
        await store.InitializeAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var appends = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            return await store.AppendAsync(
                "shared",
                ExpectedVersion.Any,
                [.. Enumerable.Range(0, EventsPerAppend).Select(i => new EventData(new Marked(writer, i)))]);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(appends);

        var versions = results.SelectMany(r => r.Events.Select(e => e.Version.Value)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Writers * EventsPerAppend).Select(v => (long)v), versions);
        Assert.All(results, r => Assert.Equal(r.Events[0].Version.Value + EventsPerAppend - 1, r.Version.Value));
        var everything = await ReadEventuallyAsync(store, Writers * EventsPerAppend);
        Assert.Equal(versions, everything.Select(e => e.Version.Value));
        Assert.True((await store.VerifyStreamAsync("shared")).IsIntact);
    }
}
