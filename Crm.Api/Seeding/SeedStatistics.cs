using System.Collections.Concurrent;
using Crm.Domain.Common;

namespace Crm.Api.Seeding;

/// <summary>A command the domain refused during generation: a bug of the generator, since it means to issue only valid commands.</summary>
/// <param name="Command">The command.</param>
/// <param name="StreamId">The stream it was aimed at.</param>
/// <param name="Code">The domain error's code.</param>
/// <param name="Message">The domain error's message.</param>
internal sealed record SeedRefusal(string Command, string StreamId, string Code, string Message);

/// <summary>Counts of a generation run, updated from every simulated participant at once.</summary>
internal sealed class SeedStatistics
{
    /// <summary>How many refusals are kept with their details; the rest are only counted.</summary>
    public const int KeptRefusals = 50;

    private readonly ConcurrentQueue<SeedRefusal> _refusals = new();
    private long _commands;
    private long _refused;

    public long Commands => Interlocked.Read(ref _commands);

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The first <see cref="KeptRefusals"/> refusals.</summary>
    public IReadOnlyList<SeedRefusal> Refusals => [.. _refusals];

    public void CountCommand() => Interlocked.Increment(ref _commands);

    public void Refuse(string command, string streamId, DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Interlocked.Increment(ref _refused) <= KeptRefusals)
        {
            _refusals.Enqueue(new SeedRefusal(command, streamId, error.Code, error.Message));
        }
    }
}
