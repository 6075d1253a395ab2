using Crm.EventStore;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

/// <summary>
/// The catch-up read delivers events in (transaction id, position) order, and only those whose
/// transaction is older than every transaction still running: an event is never delivered after a
/// checkpoint that has passed it, and a rolled-back transaction's positions never hold readers up.
/// </summary>
[Collection(CommitOrderGroup.Name)]
public sealed class CatchUpReadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task LowerPositionHeldOpen_WhileAHigherOneCommits_ReaderDoesNotPassIt_AndSeesItAfterCommit()
    {
        await using var store = Create(database);
        await store.AppendAsync("before", ExpectedVersion.NoStream, [Added("before")]);
        var caughtUp = await store.ReadAllAsync(Checkpoint.Start);
        Assert.Single(caughtUp.Events);

        await using var slowConnection = await OpenAsync(database);
        await using var slow = await slowConnection.BeginTransactionAsync();
        var held = (await store.AppendAsync([new StreamAppend("slow", ExpectedVersion.NoStream, [Added("held")])], slow))[0].Events[0];
        var committed = (await store.AppendAsync("fast", ExpectedVersion.NoStream, [Added("committed")])).Events[0];
        Assert.True(committed.Position > held.Position);

        var whileHeld = await store.ReadAllAsync(caughtUp.Next);

        Assert.Empty(whileHeld.Events);
        Assert.True(whileHeld.IsCaughtUp);
        Assert.True(whileHeld.Next < held.Checkpoint, "the checkpoint must not move past the open transaction's event");
        Assert.True(whileHeld.Next < committed.Checkpoint);

        await slow.CommitAsync();
        var afterCommit = await store.ReadAllAsync(whileHeld.Next);

        Assert.Equal([held.Position, committed.Position], afterCommit.Events.Select(e => e.Position));
        Assert.Equal(["held", "committed"], afterCommit.Events.Select(e => ((ItemAdded)e.Data).Sku));
    }

    [Fact]
    public async Task TransactionThatTookItsIdFirst_CommitsAHigherPositionLater_ItIsDeliveredFirst_NothingIsSkipped()
    {
        await using var store = Create(database);
        await store.InitializeAsync();

        // The slow transaction writes something else first, so it holds a transaction id from here on.
        await using var slowConnection = await OpenAsync(database);
        await using var slow = await slowConnection.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand($"CREATE TABLE {store.Schema}.side_effect (id int)", slowConnection, slow))
        {
            await write.ExecuteNonQueryAsync();
        }
        var early = (await store.AppendAsync("early", ExpectedVersion.NoStream, [Added("lower position, newer transaction")])).Events[0];
        var late = (await store.AppendAsync([new StreamAppend("late", ExpectedVersion.NoStream, [Added("higher position, older transaction")])], slow))[0].Events[0];
        Assert.True(late.Position > early.Position);
        Assert.True(late.Checkpoint.TransactionId < early.Checkpoint.TransactionId);

        var whileOpen = await store.ReadAllAsync(Checkpoint.Start);
        Assert.Empty(whileOpen.Events);

        await slow.CommitAsync();
        var delivered = await ReadEverythingAsync(store, whileOpen.Next);

        // A reader keeping "the highest position seen" would have skipped the late event; the
        // checkpoint order delivers both, older transaction first.
        Assert.Equal([late.Position, early.Position], delivered.Select(e => e.Position));
    }

    [Fact]
    public async Task RolledBackTransaction_LeavesAPositionGap_ThatNeverHoldsReadersUp()
    {
        await using var store = Create(database);
        await store.InitializeAsync();

        await using var doomedConnection = await OpenAsync(database);
        await using var doomed = await doomedConnection.BeginTransactionAsync();
        var lost = (await store.AppendAsync([new StreamAppend("doomed", ExpectedVersion.NoStream, [Added("lost")])], doomed))[0].Events[0];
        var kept = (await store.AppendAsync("kept", ExpectedVersion.NoStream, [Added("kept")])).Events[0];

        var whileOpen = await store.ReadAllAsync(Checkpoint.Start);
        Assert.Empty(whileOpen.Events);

        await doomed.RollbackAsync();
        // Read at once: no timeout and no waiting for the gap to "settle".
        var afterRollback = await store.ReadAllAsync(whileOpen.Next);

        Assert.Equal([kept.Position], afterRollback.Events.Select(e => e.Position));
        Assert.True(afterRollback.IsCaughtUp);
        Assert.DoesNotContain(lost.Position, (await ReadEverythingAsync(store)).Select(e => e.Position));
        Assert.Null(await store.GetStreamAsync("doomed"));
    }

    [Fact]
    public async Task CaughtUpReader_HasItsCheckpointMovedPastFinishedTransactions_AndGetsOnlyNewEventsNextTime()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, Many(3));

        var first = await store.ReadAllAsync(Checkpoint.Start);
        var again = await store.ReadAllAsync(first.Next);
        await store.AppendAsync("s", ExpectedVersion.Exactly(3), [Added("new")]);
        var next = await store.ReadAllAsync(first.Next);

        Assert.Equal(3, first.Events.Count);
        Assert.True(first.IsCaughtUp);
        Assert.True(first.Next >= first.Events[^1].Checkpoint);
        Assert.Empty(again.Events);
        Assert.Equal(["new"], next.Events.Select(e => ((ItemAdded)e.Data).Sku));
    }

    [Fact]
    public async Task Paging_DeliversEveryEventOnce_InCheckpointOrder()
    {
        await using var store = Create(database);
        for (var i = 0; i < 6; i++)
        {
            await store.AppendAsync([new StreamAppend($"s{i % 3}", ExpectedVersion.Any, Many(4, $"p{i}"))]);
        }

        var delivered = new List<RecordedEvent>();
        var checkpoint = Checkpoint.Start;
        var pages = 0;
        while (true)
        {
            var page = await store.ReadAllAsync(checkpoint, new ReadAllOptions { MaxCount = 7 });
            pages++;
            Assert.True(page.Events.Count <= 7);
            delivered.AddRange(page.Events);
            checkpoint = page.Next;
            if (page.IsCaughtUp)
            {
                break;
            }
        }

        Assert.Equal(24, delivered.Count);
        Assert.Equal(24, delivered.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(delivered.Select(e => e.Checkpoint).Order(), delivered.Select(e => e.Checkpoint));
        Assert.True(pages >= 4);
        foreach (var stream in delivered.GroupBy(e => e.StreamId))
        {
            Assert.Equal(Enumerable.Range(1, 8).Select(v => (long)v), stream.Select(e => e.Version.Value));
        }
    }

    [Fact]
    public async Task TypeFilter_DeliversOnlyThoseTypes_AndStillMovesPastTheOthers()
    {
        await using var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream,
        [
            Added("a"), new EventData(new NoteWritten("n1")), Added("b"), new EventData(new ItemRemoved("a")), new EventData(new NoteWritten("n2")),
        ]);

        var notes = await store.ReadAllAsync(Checkpoint.Start, new ReadAllOptions { EventTypes = [typeof(NoteWritten)] });
        var afterNotes = await store.ReadAllAsync(notes.Next, new ReadAllOptions { EventTypes = [typeof(NoteWritten)] });
        var nothing = await store.ReadAllAsync(Checkpoint.Start, new ReadAllOptions { EventTypes = [typeof(Marked)] });

        Assert.Equal(["n1", "n2"], notes.Events.Select(e => ((NoteWritten)e.Data).Text));
        Assert.Empty(afterNotes.Events);
        Assert.Empty(nothing.Events);
        Assert.True(nothing.IsCaughtUp);
        Assert.True(nothing.Next > Checkpoint.Start);
    }

    [Fact]
    public async Task EmptyStore_ReadsNothing_AndIsCaughtUp()
    {
        await using var store = Create(database);

        var page = await store.ReadAllAsync(Checkpoint.Start);

        Assert.Empty(page.Events);
        Assert.True(page.IsCaughtUp);
    }

    [Fact]
    public async Task AppendBehindANewerTransaction_IsRefused_SoAStreamIsAlwaysDeliveredInVersionOrder()
    {
        await using var store = Create(database);
        await store.InitializeAsync();

        await using var olderConnection = await OpenAsync(database);
        await using var older = await olderConnection.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand($"CREATE TABLE {store.Schema}.earlier_write (id int)", olderConnection, older))
        {
            await write.ExecuteNonQueryAsync();
        }
        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("by a newer transaction")]);

        var refused = await Assert.ThrowsAsync<EventStoreConcurrencyException>(
            () => store.AppendAsync([new StreamAppend("s", ExpectedVersion.Exactly(1), [Added("from the older one")])], older));

        Assert.IsNotType<WrongExpectedVersionException>(refused);
        Assert.Contains("'s'", refused.Message, StringComparison.Ordinal);
        await older.RollbackAsync();
        Assert.Single((await store.ReadStreamAsync("s")).Events);
    }

    [Fact]
    public async Task AppendsNotify_OnTheStoresChannel_WhenTheyCommit()
    {
        await using var store = Create(database);
        await store.InitializeAsync();
        await using var listener = await OpenAsync(database);
        var notified = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => notified.TrySetResult(e.Channel);
        await using (var listen = new NpgsqlCommand($"LISTEN \"{store.NotificationChannel}\"", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);
        var received = await listener.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(received, "no notification within 10 seconds");
        Assert.Equal(store.NotificationChannel, await notified.Task);
    }
}
