using System.Collections.Concurrent;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>
/// Parses and validates each distinct document text once. When the cache is full it is emptied
/// and refills with the documents in use, which keeps hot documents cached without bookkeeping per hit.
/// </summary>
internal sealed class DocumentCache(Schema schema, ExecutorOptions options, Func<Schema, DocumentNode, IReadOnlyList<GraphQLError>> validate)
{
    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>How many documents were parsed (and validated) so far; for diagnostics and tests.</summary>
    public int ParseCount => _parseCount;

    private int _parseCount;

    public CachedDocument Get(string query)
    {
        if (_documents.TryGetValue(query, out var cached))
        {
            return cached;
        }
        var created = Create(query);
        if (_documents.Count >= Math.Max(1, options.DocumentCacheSize))
        {
            _documents.Clear();
        }
        return _documents.GetOrAdd(query, created);
    }

    private CachedDocument Create(string query)
    {
        Interlocked.Increment(ref _parseCount);
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, options.ParserOptions);
        }
        catch (GraphQLSyntaxException ex)
        {
            return CachedDocument.Invalid([GraphQLError.WithCode(ex.Message, ErrorCodes.ParseFailed, [new ErrorLocation(ex.Line, ex.Column)])]);
        }
        var errors = validate(schema, document);
        if (errors.Count > 0)
        {
            var coded = new GraphQLError[errors.Count];
            for (var i = 0; i < coded.Length; i++)
            {
                var error = errors[i];
                coded[i] = error.Code is null
                    ? GraphQLError.WithCode(error.Message, ErrorCodes.ValidationFailed, error.Locations, error.Path)
                    : error;
            }
            return CachedDocument.Invalid(coded);
        }
        return CachedDocument.Valid(document);
    }
}
