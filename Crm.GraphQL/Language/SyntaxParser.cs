using System.Runtime.CompilerServices;

namespace Crm.GraphQL.Language;

/// <summary>
/// A recursive-descent parser over <see cref="Lexer"/> tokens. List elements are collected on one
/// shared stack (lists nest strictly) so that each list costs exactly one array.
/// </summary>
internal sealed partial class SyntaxParser
{
    private readonly Lexer _lexer;
    private readonly bool _noLocations;
    private readonly int _maxDepth;
    private readonly int _maxFields;
    private int _depth;
    private int _fields;
    private SyntaxNode[] _stack = new SyntaxNode[32];
    private int _stackCount;

    public SyntaxParser(string source, ParserOptions options)
    {
        if (source.Length > options.MaxDocumentLength)
        {
            throw GraphQLSyntaxException.At(
                $"Document is {source.Length} characters long, more than the maximum of {options.MaxDocumentLength}. Parsing aborted.", 1, 1);
        }
        _lexer = new Lexer(source, options.MaxTokens);
        _noLocations = options.NoLocations;
        _maxDepth = options.MaxRecursionDepth;
        _maxFields = options.MaxFields;
    }

    public T ParseWhole<T>(Func<SyntaxParser, T> parse)
    {
        _lexer.Advance();
        var result = parse(this);
        Expect(TokenKind.EndOfFile);
        return result;
    }

    private Token Current => _lexer.Current;

    private bool Peek(TokenKind kind) => _lexer.Current.Kind == kind;

    private bool PeekKeyword(string keyword) => Peek(TokenKind.Name) && _lexer.Text(Current).SequenceEqual(keyword);

    private Token Expect(TokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw ErrorAt(token, $"Expected {kind.Describe()}, found {_lexer.Describe(token)}.");
        }
        _lexer.Advance();
        return token;
    }

    private bool Optional(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }
        _lexer.Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!OptionalKeyword(keyword))
        {
            throw ErrorAt(Current, $"Expected \"{keyword}\", found {_lexer.Describe(Current)}.");
        }
    }

    private bool OptionalKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }
        _lexer.Advance();
        return true;
    }

    private GraphQLSyntaxException Unexpected(in Token token) =>
        ErrorAt(token, $"Unexpected {_lexer.Describe(token)}.");

    private static GraphQLSyntaxException ErrorAt(in Token token, string description) =>
        GraphQLSyntaxException.At(description, token.Line, token.Column);

    /// <summary>The location of a node that started at <paramref name="start"/> and ends with the last consumed token.</summary>
    private Location? LocationFrom(in Token start) =>
        _noLocations ? null : new Location(start.Start, _lexer.PreviousEnd, start.Line, start.Column);

    private void EnterNesting()
    {
        if (++_depth > _maxDepth)
        {
            throw ErrorAt(Current, $"Document nests deeper than the maximum depth of {_maxDepth}. Parsing aborted.");
        }
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw ErrorAt(Current, "Document nests too deeply to parse. Parsing aborted.");
        }
    }

    private void ExitNesting() => _depth--;

    private void CountField(in Token token)
    {
        if (++_fields > _maxFields)
        {
            throw ErrorAt(token, $"Document contains more than {_maxFields} fields. Parsing aborted.");
        }
    }

    private void Push(SyntaxNode node)
    {
        if (_stackCount == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }
        _stack[_stackCount++] = node;
    }

    /// <summary>Moves the nodes pushed since <paramref name="start"/> into a list of their own.</summary>
    private SyntaxList<T> PopList<T>(int start)
        where T : SyntaxNode
    {
        var count = _stackCount - start;
        if (count == 0)
        {
            return SyntaxList<T>.Empty;
        }
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = (T)_stack[start + i];
            _stack[start + i] = null!;
        }
        _stackCount = start;
        return new SyntaxList<T>(items);
    }

    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new NameNode(_lexer.TextString(token)) { Location = LocationFrom(token) };
    }
}
