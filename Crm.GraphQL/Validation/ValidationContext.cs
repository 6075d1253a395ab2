using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation;

/// <summary>
/// What the rules of one validation share: the schema, the document, the types at the current
/// position of the walk, document-wide facts such as fragments and variable usages, and the errors.
/// </summary>
public sealed partial class ValidationContext
{
    private readonly List<GraphQLError> _errors = [];

    private readonly int _maxErrors;

    internal ValidationContext(Schema schema, DocumentNode document, int maxErrors)
    {
        Schema = schema;
        Document = document;
        _maxErrors = maxErrors;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    _operations.Add(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    _fragmentList.Add(fragment);
                    // With duplicate names the last definition is the one spreads refer to.
                    _fragments[fragment.Name.Value] = fragment;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The schema the document is validated against.</summary>
    public Schema Schema { get; }

    /// <summary>The document being validated.</summary>
    public DocumentNode Document { get; }

    /// <summary>The errors reported so far.</summary>
    public IReadOnlyList<GraphQLError> Errors => _errors;

    /// <summary>Reports an error located at the given nodes (nodes without a location are skipped).</summary>
    /// <remarks>Once the error limit is reached, validation stops: reporting one more error ends the walk.</remarks>
    public void ReportError(string message, params ReadOnlySpan<SyntaxNode?> nodes)
    {
        ArgumentNullException.ThrowIfNull(message);
        EnsureRoom();
        List<ErrorLocation>? locations = null;
        foreach (var node in nodes)
        {
            if (node?.Location is { } location)
            {
                (locations ??= new List<ErrorLocation>(nodes.Length)).Add(new ErrorLocation(location.Line, location.Column));
            }
        }
        _errors.Add(new GraphQLError(message, locations));
    }

    /// <summary>Reports a prepared error.</summary>
    public void ReportError(GraphQLError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        EnsureRoom();
        _errors.Add(error);
    }

    private void EnsureRoom()
    {
        if (_errors.Count >= _maxErrors)
        {
            _errors.Add(new GraphQLError("Too many validation errors, error limit reached. Validation aborted."));
            throw new ValidationAbortedException();
        }
    }
}
