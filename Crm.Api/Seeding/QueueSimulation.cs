using Bogus;
using Crm.Api.Application;
using Crm.Domain.Common;
using Crm.Domain.Queues;

namespace Crm.Api.Seeding;

/// <summary>
/// One queue's abandoned contacts, as the telephony feed (the System role) reports them: callers
/// nobody recognised, drawn from the queue's own random stream, and the customers' abandoned
/// attempts handed over by their simulations. Each day's are written in time order, so the queue's
/// stream is the same however the customers' simulations were interleaved.
/// </summary>
internal sealed class QueueSimulation
{
    private readonly SeedContext _seed;
    private readonly SeedQueue _queue;
    private readonly Randomizer _random;
    private readonly SimulatedClock _clock;
    private readonly CrmCommands _commands;

    public QueueSimulation(SeedContext seed, SeedQueue queue, int number)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(queue);
        _seed = seed;
        _queue = queue;
        _random = new Randomizer(SeedIds.Derive(seed.Options.Seed, SeedPart.Queue, number));
        _clock = new SimulatedClock(seed.Options.Start);
        _commands = seed.CommandsFor(_clock, () => SeedIds.Version7(_random, _clock.Now));
    }

    public string Name => _queue.Name;

    /// <summary>Records the day's abandoned contacts: the customers' <paramref name="handedOver"/> and the unrecognised callers'.</summary>
    public async Task RunDayAsync(DateTimeOffset dayStart, IEnumerable<AbandonedCall> handedOver, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(dayStart.UtcDateTime);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var mean = _queue.AnonymousPerDayPer1000 * _seed.Options.Customers / 1000.0 * (weekend ? 0.35 : 1.0);
        var calls = new List<AbandonedCall>(handedOver);
        var count = _random.Poisson(mean);
        for (var i = 0; i < count; i++)
        {
            var entered = _random.OfficeTime(day, quieterWeekends: false);
            var wait = _queue.Channel == Channel.Phone ? _random.Seconds(80, 0.8, 3, 1800) : _random.Seconds(60, 0.8, 3, 1200);
            var caller = _queue.Channel == Channel.Phone && _random.Chance(0.7) ? _random.Replace(SeedCatalog.Locales.Pick(_random).MobileFormat) : null;
            calls.Add(new AbandonedCall(_queue.Name, _queue.Channel, entered, wait, caller, null, SeedIds.Version7(_random, entered)));
        }
        foreach (var call in calls.OrderBy(c => c.AbandonedAt).ThenBy(c => c.ContactId))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The feed reports a contact a few seconds after the caller hung up.
            _clock.AdvanceTo(call.AbandonedAt.AddSeconds(_random.Number(1, 20)));
            var reply = await _commands.RecordAbandonedContactAsync(
                new CommandContext(_seed.Staff.Telephony),
                new RecordAbandonedContactInput(call.Queue, call.Channel, call.EnteredAt, call.WaitSeconds, call.CallerAddress, call.CustomerId) { ContactId = call.ContactId },
                cancellationToken);
            Count(reply);
        }
    }

    private void Count(CommandReply<QueueState> reply)
    {
        _seed.Statistics.CountCommand();
        if (!reply.Succeeded)
        {
            _seed.Statistics.Refuse(nameof(CrmCommands.RecordAbandonedContactAsync), reply.StreamId, reply.Errors[0]);
        }
    }
}
