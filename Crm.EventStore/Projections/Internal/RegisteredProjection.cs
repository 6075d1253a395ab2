namespace Crm.EventStore.Projections.Internal;

/// <summary>A projection as registered: its kind, its options and the tables and types it declared then (read once).</summary>
internal sealed record RegisteredProjection(
    IProjection Projection,
    ProjectionKind Kind,
    AsyncProjectionOptions? Options,
    IReadOnlyList<ProjectionTable> Tables,
    IReadOnlyList<Type>? EventTypes)
{
    public string Name => Projection.Name;

    /// <summary>The poison policy; inline projections have none (a failing hook fails the append), so a rebuild of one stops at the first failure.</summary>
    public PoisonEventPolicy Policy => Options?.OnPoisonEvent ?? PoisonEventPolicy.Pause;

    public bool Wants(RecordedEvent recorded)
    {
        if (EventTypes is null)
        {
            return true;
        }
        foreach (var type in EventTypes)
        {
            if (type.IsInstanceOfType(recorded.Data))
            {
                return true;
            }
        }
        return false;
    }
}
