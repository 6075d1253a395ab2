namespace Crm.GraphQL.Language;

internal sealed partial class SyntaxParser
{
    /// <summary>A value literal; in constant positions (defaults, type-system directives) variables are refused.</summary>
    public ValueNode ParseValueLiteral(bool isConst)
    {
        var start = Current;
        switch (start.Kind)
        {
            case TokenKind.BracketLeft:
                return ParseListValue(isConst);
            case TokenKind.BraceLeft:
                return ParseObjectValue(isConst);
            case TokenKind.Int:
                _lexer.Advance();
                return new IntValueNode(_lexer.TextString(start)) { Location = LocationFrom(start) };
            case TokenKind.Float:
                _lexer.Advance();
                return new FloatValueNode(_lexer.TextString(start)) { Location = LocationFrom(start) };
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                _lexer.Advance();
                var location = LocationFrom(start);
                var text = _lexer.Text(start);
                return text switch
                {
                    "true" => new BooleanValueNode(true) { Location = location },
                    "false" => new BooleanValueNode(false) { Location = location },
                    "null" => new NullValueNode { Location = location },
                    _ => new EnumValueNode(text.ToString()) { Location = location },
                };
            case TokenKind.Dollar when isConst:
                var next = _lexer.Lookahead();
                if (next.Kind == TokenKind.Name)
                {
                    throw ErrorAt(start, $"Unexpected variable \"${_lexer.TextString(next)}\" in constant value.");
                }
                throw Unexpected(start);
            case TokenKind.Dollar:
                return ParseVariable();
            default:
                throw Unexpected(start);
        }
    }

    private ListValueNode ParseListValue(bool isConst)
    {
        var start = Expect(TokenKind.BracketLeft);
        EnterNesting();
        var listStart = _stackCount;
        while (!Optional(TokenKind.BracketRight))
        {
            Push(ParseValueLiteral(isConst));
        }
        ExitNesting();
        return new ListValueNode(PopList<ValueNode>(listStart)) { Location = LocationFrom(start) };
    }

    private ObjectValueNode ParseObjectValue(bool isConst)
    {
        var start = Expect(TokenKind.BraceLeft);
        EnterNesting();
        var listStart = _stackCount;
        while (!Optional(TokenKind.BraceRight))
        {
            var fieldStart = Current;
            var name = ParseName();
            Expect(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            Push(new ObjectFieldNode(name, value) { Location = LocationFrom(fieldStart) });
        }
        ExitNesting();
        return new ObjectValueNode(PopList<ObjectFieldNode>(listStart)) { Location = LocationFrom(start) };
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = Current;
        _lexer.Advance();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Location = LocationFrom(token) };
    }

    private StringValueNode? ParseOptionalDescription() =>
        Peek(TokenKind.String) || Peek(TokenKind.BlockString) ? ParseStringLiteral() : null;

    /// <summary><c>Name</c>, <c>[Type]</c>, either followed by an optional <c>!</c>.</summary>
    public TypeNode ParseTypeReference()
    {
        var start = Current;
        TypeNode type;
        if (Optional(TokenKind.BracketLeft))
        {
            EnterNesting();
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketRight);
            ExitNesting();
            type = new ListTypeNode(inner) { Location = LocationFrom(start) };
        }
        else
        {
            type = ParseNamedType();
        }
        return Optional(TokenKind.Bang) ? new NonNullTypeNode(type) { Location = LocationFrom(start) } : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = Current;
        return new NamedTypeNode(ParseName()) { Location = LocationFrom(start) };
    }
}
