namespace Crm.Tests.EventStore;

/// <summary>
/// Tests that hold transactions open to prove the catch-up read's commit-order guarantee. Transaction
/// ids are cluster-wide, so these run alone: another test's open transaction would only delay what
/// they expect to see at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CommitOrderGroup
{
    public const string Name = "commit order";
}
