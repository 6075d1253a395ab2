namespace Crm.EventStore;

/// <summary>A state folded from a stream's events.</summary>
/// <param name="State">The state after the last event applied.</param>
/// <param name="Version">The version of the last event applied (<see cref="StreamVersion.None"/> when none was).</param>
public sealed record AggregateResult<TState>(TState State, StreamVersion Version);
