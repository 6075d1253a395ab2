using Bogus;
using Crm.Api.Application;
using Crm.Domain.Customers;

namespace Crm.Api.Seeding;

/// <summary>
/// One customer's life with customer service, from registration on: an agenda of things that
/// happen to them (contacts, cases and every step of those cases, purchases, offers), each run at
/// its simulated moment through <see cref="CrmCommands"/> as the staff member concerned.
/// </summary>
/// <remarks>
/// Everything the simulation does is drawn from its own random stream (derived from the seed and
/// the customer's number) and timed by its own clock, and it touches only the customer's and
/// their cases' streams. So its events are the same whichever simulations run beside it, and in
/// whatever order: determinism per stream holds under concurrency. Contacts abandoned in a queue
/// are handed to the queue instead (see <see cref="AbandonedCall"/>).
/// </remarks>
internal sealed partial class CustomerSimulation
{
    private readonly SeedContext _seed;
    private readonly Randomizer _random;
    private readonly SimulatedClock _clock;
    private readonly CrmCommands _commands;
    private readonly PriorityQueue<Func<CancellationToken, Task>, (DateTimeOffset At, long Order)> _agenda = new();
    private readonly List<AbandonedCall> _abandoned = [];
    private readonly SeedLocale _locale;
    private readonly Segment _segment;
    private long _order;
    private CustomerState _customer = CustomerState.Initial;
    private string? _correlation;
    private DateTimeOffset _dayStart;

    public CustomerSimulation(SeedContext seed, int number)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _seed = seed;
        Number = number;
        _random = new Randomizer(SeedIds.Derive(seed.Options.Seed, SeedPart.Customer, number));
        _locale = SeedCatalog.Locales.Pick(_random);
        _segment = SeedCatalog.Segments.Pick(_random);

        // Registrations lean towards the start of the period, so that most customers have a history.
        var days = seed.Options.Days;
        var offset = (int)(Math.Pow(_random.Double(), 1.6) * 0.9 * days);
        var registered = _random.OfficeTime(DateOnly.FromDateTime(seed.Options.Start.UtcDateTime).AddDays(offset));
        if (registered >= seed.Options.End)
        {
            registered = seed.Options.End.AddHours(-_random.Number(3, 14));
        }
        RegisteredAt = registered;
        CustomerId = SeedIds.Version7(_random, registered);
        _clock = new SimulatedClock(seed.Options.Start);
        _commands = seed.CommandsFor(_clock, NewId);
        Schedule(registered, RegisterAsync);
    }

    /// <summary>The customer's number in the run (0-based).</summary>
    public int Number { get; }

    public Guid CustomerId { get; }

    public DateTimeOffset RegisteredAt { get; }

    /// <summary>When the next thing happens to this customer; null when nothing more will.</summary>
    public DateTimeOffset? NextAt => _agenda.TryPeek(out _, out var due) ? due.At : null;

    /// <summary>Runs everything due before <paramref name="until"/>, in time order.</summary>
    /// <param name="dayStart">The start of the day being simulated: abandoned contacts are only noticed within it.</param>
    /// <param name="until">The end of that day.</param>
    /// <param name="cancellationToken">Stops the run between two steps.</param>
    public async Task RunUntilAsync(DateTimeOffset dayStart, DateTimeOffset until, CancellationToken cancellationToken)
    {
        _dayStart = dayStart;
        while (_agenda.TryPeek(out _, out var due) && due.At < until)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = _agenda.Dequeue();
            _clock.AdvanceTo(due.At);
            await step(cancellationToken);
        }
    }

    /// <summary>The contacts this customer abandoned in queues since the last call, for the queues to record.</summary>
    public IReadOnlyList<AbandonedCall> TakeAbandonedCalls()
    {
        if (_abandoned.Count == 0)
        {
            return [];
        }
        AbandonedCall[] calls = [.. _abandoned];
        _abandoned.Clear();
        return calls;
    }

    /// <summary>Puts a step on the agenda; steps at or after the end of the history never happen.</summary>
    private void Schedule(DateTimeOffset at, Func<CancellationToken, Task> step)
    {
        if (_customer.Status == CustomerStatus.Erased || at >= _seed.Options.End)
        {
            return;
        }
        _agenda.Enqueue(step, (at, _order++));
    }

    private DateTimeOffset Now => _clock.Now;

    private Guid NewId() => SeedIds.Version7(_random, _clock.Now);

    /// <summary>Starts a new piece of the story: the commands that follow share a correlation id.</summary>
    private void BeginEpisode() => _correlation = NewId().ToString("D");

    private CommandContext As(StaffMember member) => new(member.Actor, _correlation);

    /// <summary>Counts the command, and records a refusal (a generator bug) when it was refused.</summary>
    private bool Accepted<TState>(string command, CommandReply<TState> reply)
        where TState : class
    {
        _seed.Statistics.CountCommand();
        if (reply.Succeeded)
        {
            return true;
        }
        _seed.Statistics.Refuse(command, reply.StreamId, reply.Errors[0]);
        return false;
    }

    /// <summary>Runs a customer command; the customer's state follows it.</summary>
    private async Task<bool> OnCustomerAsync(string command, Task<CommandReply<CustomerState>> call)
    {
        var reply = await call;
        if (!Accepted(command, reply))
        {
            return false;
        }
        _customer = reply.State ?? _customer;
        return true;
    }
}
