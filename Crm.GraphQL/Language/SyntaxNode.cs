namespace Crm.GraphQL.Language;

/// <summary>
/// The base of every immutable GraphQL syntax node.
/// </summary>
/// <remarks>
/// Nodes compare structurally: two nodes are equal when they have the same kind and equal members,
/// whatever their <see cref="Location"/>, so a document equals the re-parse of its printout.
/// Lists produced by the parser compare element by element. <see cref="ToString"/> prints the node
/// as GraphQL source.
/// </remarks>
public abstract record SyntaxNode
{
    /// <summary>Where the node was parsed from; <see langword="null"/> for nodes built in code or parsed without locations.</summary>
    public Location? Location { get; init; }

    /// <summary>Structural equality that deliberately ignores <see cref="Location"/>.</summary>
    public virtual bool Equals(SyntaxNode? other) =>
        ReferenceEquals(this, other) || (other is not null && EqualityContract == other.EqualityContract);

    /// <inheritdoc />
    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>The node printed as GraphQL source.</summary>
    public sealed override string ToString() => Printer.Print(this);
}
