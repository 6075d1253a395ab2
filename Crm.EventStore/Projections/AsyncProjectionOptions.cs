namespace Crm.EventStore.Projections;

/// <summary>How the daemon runs one async projection.</summary>
public sealed record AsyncProjectionOptions
{
    /// <summary>The most events applied in one transaction: 1 to 10,000 (default 500).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>What happens when an event cannot be applied (default <see cref="PoisonEventPolicy.Pause"/>).</summary>
    public PoisonEventPolicy OnPoisonEvent { get; init; } = PoisonEventPolicy.Pause;

    internal void Validate()
    {
        if (BatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "An async projection's batch size is 1 to 10,000 events.");
        }
        if (!Enum.IsDefined(OnPoisonEvent))
        {
            throw new ArgumentOutOfRangeException(nameof(OnPoisonEvent), OnPoisonEvent, "Unknown poison event policy.");
        }
    }
}
