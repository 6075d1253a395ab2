using System.Collections.Concurrent;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Tests.Infrastructure;
using Npgsql;
using static Crm.Tests.EventStore.TestStores;

namespace Crm.Tests.EventStore;

/// <summary>
/// Appends wake listeners after they commit, through one background sender per store that
/// coalesces: never from inside the append's own transaction, never for a refused append.
/// </summary>
public sealed class AppendNotificationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ListenerIsWoken_AfterAnAppendCommits()
    {
        await using var store = Create(database);
        await using var listener = await Listener.StartAsync(database, store.NotificationChannel);

        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);

        await listener.WaitForAsync(count: 1);
        Assert.Equal(1, store.Notifier!.Signals);
        // Woken means there is something to read: the append had committed before the notification was sent.
        Assert.Single(await ReadEventuallyAsync(store, 1));
    }

    [Fact]
    public async Task AppendsWithHooksAndImports_AlsoWakeListeners_AfterTheirCommit()
    {
        await using var store = Create(database, hooks: [new RecordingHook()]);
        await using var listener = await Listener.StartAsync(database, store.NotificationChannel);

        await store.AppendAsync("hooked", ExpectedVersion.NoStream, [Added("a")]);
        await WaitUntilAsync(() => store.Notifier!.CoveredSignals == 1);
        await store.ImportAsync([new StreamAppend("imported", ExpectedVersion.NoStream, Many(5))]);
        await WaitUntilAsync(() => store.Notifier!.CoveredSignals == 2);

        await listener.WaitForAsync(count: (int)store.Notifier!.Sent);
        Assert.Equal(2, store.Notifier.Sent);
    }

    [Fact]
    public async Task ManyConcurrentAppends_SendFarFewerNotifications_AndOneAfterTheLastCommit()
    {
        const int Writers = 16;
        const int AppendsEach = 25;
        await using var store = Create(database);
        await using var listener = await Listener.StartAsync(database, store.NotificationChannel);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < AppendsEach; i++)
            {
                await store.AppendAsync($"w{w}-{i}", ExpectedVersion.NoStream, [Added("x")]);
            }
        })));

        const int Appends = Writers * AppendsEach;
        var notifier = store.Notifier!;
        Assert.Equal(Appends, notifier.Signals);
        // A notification sent after the last signal, which every append gives after its commit.
        await WaitUntilAsync(() => notifier.CoveredSignals == Appends);
        await listener.WaitForAsync(count: (int)notifier.Sent);
        Assert.InRange(notifier.Sent, 1, Appends / 2);
        Assert.Equal(notifier.Sent, listener.Count);
    }

    [Fact]
    public async Task RefusedAppend_DoesNotNotify()
    {
        await using var store = Create(database);
        await using var listener = await Listener.StartAsync(database, store.NotificationChannel);
        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);
        await listener.WaitForAsync(count: 1);

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => store.AppendAsync("s", ExpectedVersion.NoStream, [Added("b")]));
        // Notifications arrive in commit order: once this marker is in, anything sent before it is too.
        await listener.SendMarkerAsync(database);

        Assert.Equal(1, store.Notifier!.Signals);
        Assert.Equal(1, listener.Count);
    }

    [Fact]
    public async Task AppendInACallersTransaction_NotifiesOnlyWhenTheCallerCommits()
    {
        await using var store = Create(database);
        await using var listener = await Listener.StartAsync(database, store.NotificationChannel);
        await using var connection = await OpenAsync(database);

        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync([new StreamAppend("s", ExpectedVersion.NoStream, [Added("never")])], rolledBack);
            await rolledBack.RollbackAsync();
        }
        await listener.SendMarkerAsync(database);
        Assert.Equal(0, listener.Count);

        await using (var committed = await connection.BeginTransactionAsync())
        {
            await store.AppendAsync([new StreamAppend("s", ExpectedVersion.NoStream, [Added("kept")])], committed);
            await listener.SendMarkerAsync(database);
            Assert.Equal(0, listener.Count);
            await committed.CommitAsync();
        }

        await listener.WaitForAsync(count: 1);
        Assert.Equal(0, store.Notifier!.Signals);
    }

    [Fact]
    public async Task NotificationsOff_NothingIsSent()
    {
        await using var store = new PostgresEventStore(new EventStoreOptions
        {
            DataSource = database.DataSource,
            Schema = UniqueSchema(),
            Types = Types(),
            NotifyOnAppend = false,
        });
        await using var listener = await Listener.StartAsync(database, store.NotificationChannel);

        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);
        await store.ImportAsync([new StreamAppend("t", ExpectedVersion.NoStream, Many(2))]);
        await listener.SendMarkerAsync(database);

        Assert.Null(store.Notifier);
        Assert.Equal(0, listener.Count);
    }

    [Fact]
    public async Task Dispose_StopsTheSender_AndLaterSignalsAreIgnored()
    {
        var store = Create(database);
        await store.AppendAsync("s", ExpectedVersion.NoStream, [Added("a")]);
        var notifier = store.Notifier!;
        await WaitUntilAsync(() => notifier.Sent == 1);
        Assert.True(notifier.IsRunning);

        await store.DisposeAsync();

        Assert.False(notifier.IsRunning);
        notifier.Signal();
        Assert.False(notifier.IsRunning);
        Assert.Equal(1, notifier.Signals);
    }

    [Fact]
    public async Task FailedNotification_IsReportedNotThrown_AndRetriedOnTheNextSignal()
    {
        // Nothing listens on port 1: every attempt to notify fails to connect.
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(unreachable);
        var failures = new ConcurrentQueue<Exception>();
        await using var notifier = new AppendNotifier(dataSource, "nowhere", failures.Enqueue);

        notifier.Signal();
        await WaitUntilAsync(() => failures.Count == 1);
        notifier.Signal();
        await WaitUntilAsync(() => failures.Count == 2);

        Assert.True(notifier.IsRunning);
        Assert.Equal(0, notifier.Sent);
        Assert.All(failures, f => Assert.IsAssignableFrom<NpgsqlException>(f));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"The condition did not hold within {Deadline.TotalSeconds} seconds.");
            }
            await Task.Delay(10);
        }
    }

    private sealed class RecordingHook : IAppendHook
    {
        public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }

    /// <summary>A LISTEN connection counting the store's (empty-payload) notifications.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private const string MarkerPayload = "marker";
        private readonly NpgsqlConnection _connection;
        private readonly string _channel;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _pump;
        private int _count;
        private int _markers;

        private Listener(NpgsqlConnection connection, string channel)
        {
            _connection = connection;
            _channel = channel;
            _connection.Notification += (_, e) =>
            {
                if (e.Payload == MarkerPayload)
                {
                    Interlocked.Increment(ref _markers);
                }
                else
                {
                    Interlocked.Increment(ref _count);
                }
            };
            _pump = Task.Run(PumpAsync);
        }

        public int Count => Volatile.Read(ref _count);

        public static async Task<Listener> StartAsync(PostgresDatabase database, string channel)
        {
            var connection = await database.DataSource.OpenConnectionAsync();
            await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection))
            {
                await listen.ExecuteNonQueryAsync();
            }
            return new Listener(connection, channel);
        }

        public async Task WaitForAsync(int count)
        {
            await WaitUntilAsync(() => Count >= count);
            Assert.Equal(count, Count);
        }

        /// <summary>Sends a marker on the channel and waits for it: everything committed before it has then arrived.</summary>
        public async Task SendMarkerAsync(PostgresDatabase database)
        {
            var expected = Volatile.Read(ref _markers) + 1;
            await using (var notify = database.DataSource.CreateCommand("SELECT pg_notify($1, $2)"))
            {
                notify.Parameters.AddWithValue(_channel);
                notify.Parameters.AddWithValue(MarkerPayload);
                await notify.ExecuteNonQueryAsync();
            }
            await WaitUntilAsync(() => Volatile.Read(ref _markers) >= expected);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _pump;
            await _connection.DisposeAsync();
            _stop.Dispose();
        }

        private async Task PumpAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await _connection.WaitAsync(_stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposal ends the wait; nothing else to do.
                return;
            }
        }
    }
}
