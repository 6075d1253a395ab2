namespace Crm.GraphQL.Language;

internal sealed partial class SyntaxParser
{
    public DocumentNode ParseDocument()
    {
        var start = _lexer.Advance();
        var listStart = _stackCount;
        do
        {
            Push(ParseDefinition());
        }
        while (!Peek(TokenKind.EndOfFile));
        return new DocumentNode(PopList<DefinitionNode>(listStart)) { Location = LocationFrom(start) };
    }

    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceLeft))
        {
            return ParseOperationDefinition();
        }

        var hasDescription = Peek(TokenKind.String) || Peek(TokenKind.BlockString);
        var keyword = hasDescription ? _lexer.Lookahead() : Current;
        if (keyword.Kind == TokenKind.Name)
        {
            switch (_lexer.Text(keyword))
            {
                case "schema": return ParseSchemaDefinition();
                case "scalar": return ParseScalarTypeDefinition();
                case "type": return ParseObjectTypeDefinition();
                case "interface": return ParseInterfaceTypeDefinition();
                case "union": return ParseUnionTypeDefinition();
                case "enum": return ParseEnumTypeDefinition();
                case "input": return ParseInputObjectTypeDefinition();
                case "directive": return ParseDirectiveDefinition();
                case "query" or "mutation" or "subscription": return ParseOperationDefinition();
                case "fragment": return ParseFragmentDefinition();
                case "extend" when hasDescription:
                    throw ErrorAt(Current, "Unexpected description, descriptions are not supported on type extensions.");
                case "extend": return ParseTypeSystemExtension();
                default: break;
            }
        }
        else if (hasDescription && keyword.Kind == TokenKind.BraceLeft)
        {
            throw ErrorAt(Current, "Unexpected description, descriptions are not supported on shorthand queries.");
        }
        throw Unexpected(keyword);
    }

    private OperationDefinitionNode ParseOperationDefinition()
    {
        var start = Current;
        if (Peek(TokenKind.BraceLeft))
        {
            var shorthand = ParseSelectionSet();
            return new OperationDefinitionNode(
                OperationType.Query, null, SyntaxList<VariableDefinitionNode>.Empty, SyntaxList<DirectiveNode>.Empty, shorthand)
            {
                Location = LocationFrom(start),
            };
        }
        var description = ParseOptionalDescription();
        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode(operation, name, variables, directives, selectionSet)
        {
            Description = description,
            Location = LocationFrom(start),
        };
    }

    private OperationType ParseOperationType()
    {
        var token = Expect(TokenKind.Name);
        return _lexer.Text(token) switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            "subscription" => OperationType.Subscription,
            _ => throw Unexpected(token),
        };
    }

    private SyntaxList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!Optional(TokenKind.ParenLeft))
        {
            return SyntaxList<VariableDefinitionNode>.Empty;
        }
        var listStart = _stackCount;
        do
        {
            Push(ParseVariableDefinition());
        }
        while (!Optional(TokenKind.ParenRight));
        return PopList<VariableDefinitionNode>(listStart);
    }

    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = Optional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode(variable, type, defaultValue, directives)
        {
            Description = description,
            Location = LocationFrom(start),
        };
    }

    private VariableNode ParseVariable()
    {
        var start = Expect(TokenKind.Dollar);
        return new VariableNode(ParseName()) { Location = LocationFrom(start) };
    }

    private SelectionSetNode ParseSelectionSet()
    {
        var start = Expect(TokenKind.BraceLeft);
        EnterNesting();
        var listStart = _stackCount;
        do
        {
            Push(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!Optional(TokenKind.BraceRight));
        ExitNesting();
        return new SelectionSetNode(PopList<SelectionNode>(listStart)) { Location = LocationFrom(start) };
    }

    private FieldNode ParseField()
    {
        var start = Current;
        CountField(start);
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (Optional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceLeft) ? ParseSelectionSet() : null;
        return new FieldNode(alias, name, arguments, directives, selectionSet) { Location = LocationFrom(start) };
    }

    private SyntaxList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!Optional(TokenKind.ParenLeft))
        {
            return SyntaxList<ArgumentNode>.Empty;
        }
        var listStart = _stackCount;
        do
        {
            var start = Current;
            var name = ParseName();
            Expect(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            Push(new ArgumentNode(name, value) { Location = LocationFrom(start) });
        }
        while (!Optional(TokenKind.ParenRight));
        return PopList<ArgumentNode>(listStart);
    }

    private SelectionNode ParseFragment()
    {
        var start = Expect(TokenKind.Spread);
        var hasTypeCondition = OptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode(name, spreadDirectives) { Location = LocationFrom(start) };
        }
        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode(typeCondition, directives, selectionSet) { Location = LocationFrom(start) };
    }

    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode(name, typeCondition, directives, selectionSet)
        {
            Description = description,
            Location = LocationFrom(start),
        };
    }

    private NameNode ParseFragmentName()
    {
        if (PeekKeyword("on"))
        {
            throw Unexpected(Current);
        }
        return ParseName();
    }

    private SyntaxList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return SyntaxList<DirectiveNode>.Empty;
        }
        var listStart = _stackCount;
        do
        {
            var start = Expect(TokenKind.At);
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            Push(new DirectiveNode(name, arguments) { Location = LocationFrom(start) });
        }
        while (Peek(TokenKind.At));
        return PopList<DirectiveNode>(listStart);
    }
}
