namespace Crm.EventStore.Projections;

/// <summary>How a projection is kept up to date.</summary>
public enum ProjectionKind
{
    /// <summary>In every append's transaction (the store's append hook): a read right after a write sees it.</summary>
    Inline,

    /// <summary>By the projection daemon, in batches, behind the log.</summary>
    Async,
}
