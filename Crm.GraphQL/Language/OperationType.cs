namespace Crm.GraphQL.Language;

/// <summary>The kind of a GraphQL operation.</summary>
public enum OperationType
{
    /// <summary>A read-only fetch.</summary>
    Query,

    /// <summary>A write followed by a fetch.</summary>
    Mutation,

    /// <summary>A long-lived request that responds to a stream of events.</summary>
    Subscription,
}
