namespace Crm.GraphQL.Language;

internal sealed partial class SyntaxParser
{
    private static readonly HashSet<string> DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        Expect(TokenKind.BraceLeft);
        var listStart = _stackCount;
        do
        {
            Push(ParseOperationTypeDefinition());
        }
        while (!Optional(TokenKind.BraceRight));
        return new SchemaDefinitionNode(description, directives, PopList<OperationTypeDefinitionNode>(listStart))
        {
            Location = LocationFrom(start),
        };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = Current;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type) { Location = LocationFrom(start) };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode(description, name, directives) { Location = LocationFrom(start) };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode(description, name, interfaces, directives, fields) { Location = LocationFrom(start) };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode(description, name, interfaces, directives, fields) { Location = LocationFrom(start) };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode(description, name, directives, types) { Location = LocationFrom(start) };
    }

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode(description, name, directives, values) { Location = LocationFrom(start) };
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        return new InputObjectTypeDefinitionNode(description, name, directives, fields) { Location = LocationFrom(start) };
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = Current;
        var description = ParseOptionalDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentDefinitions();
        var repeatable = OptionalKeyword("repeatable");
        ExpectKeyword("on");
        Optional(TokenKind.Pipe);
        var listStart = _stackCount;
        do
        {
            Push(ParseDirectiveLocation());
        }
        while (Optional(TokenKind.Pipe));
        return new DirectiveDefinitionNode(description, name, arguments, repeatable, PopList<NameNode>(listStart))
        {
            Location = LocationFrom(start),
        };
    }

    private NameNode ParseDirectiveLocation()
    {
        var start = Current;
        var name = ParseName();
        return DirectiveLocations.Contains(name.Value) ? name : throw Unexpected(start);
    }

    private SyntaxList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!OptionalKeyword("implements"))
        {
            return SyntaxList<NamedTypeNode>.Empty;
        }
        Optional(TokenKind.Ampersand);
        var listStart = _stackCount;
        do
        {
            Push(ParseNamedType());
        }
        while (Optional(TokenKind.Ampersand));
        return PopList<NamedTypeNode>(listStart);
    }

    private SyntaxList<NamedTypeNode> ParseUnionMemberTypes()
    {
        if (!Optional(TokenKind.Equals))
        {
            return SyntaxList<NamedTypeNode>.Empty;
        }
        Optional(TokenKind.Pipe);
        var listStart = _stackCount;
        do
        {
            Push(ParseNamedType());
        }
        while (Optional(TokenKind.Pipe));
        return PopList<NamedTypeNode>(listStart);
    }

    private SyntaxList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!Optional(TokenKind.BraceLeft))
        {
            return SyntaxList<FieldDefinitionNode>.Empty;
        }
        var listStart = _stackCount;
        do
        {
            var start = Current;
            var description = ParseOptionalDescription();
            var name = ParseName();
            var arguments = ParseArgumentDefinitions();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            var directives = ParseDirectives(isConst: true);
            Push(new FieldDefinitionNode(description, name, arguments, type, directives) { Location = LocationFrom(start) });
        }
        while (!Optional(TokenKind.BraceRight));
        return PopList<FieldDefinitionNode>(listStart);
    }

    private SyntaxList<InputValueDefinitionNode> ParseArgumentDefinitions() =>
        ParseInputValueDefinitions(TokenKind.ParenLeft, TokenKind.ParenRight);

    private SyntaxList<InputValueDefinitionNode> ParseInputFieldsDefinition() =>
        ParseInputValueDefinitions(TokenKind.BraceLeft, TokenKind.BraceRight);

    private SyntaxList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!Optional(open))
        {
            return SyntaxList<InputValueDefinitionNode>.Empty;
        }
        var listStart = _stackCount;
        do
        {
            var start = Current;
            var description = ParseOptionalDescription();
            var name = ParseName();
            Expect(TokenKind.Colon);
            var type = ParseTypeReference();
            var defaultValue = Optional(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
            var directives = ParseDirectives(isConst: true);
            Push(new InputValueDefinitionNode(description, name, type, defaultValue, directives) { Location = LocationFrom(start) });
        }
        while (!Optional(close));
        return PopList<InputValueDefinitionNode>(listStart);
    }

    private SyntaxList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!Optional(TokenKind.BraceLeft))
        {
            return SyntaxList<EnumValueDefinitionNode>.Empty;
        }
        var listStart = _stackCount;
        do
        {
            var start = Current;
            var description = ParseOptionalDescription();
            if (PeekKeyword("true") || PeekKeyword("false") || PeekKeyword("null"))
            {
                throw ErrorAt(Current, $"Name \"{_lexer.TextString(Current)}\" is reserved and cannot be used for an enum value.");
            }
            var name = ParseName();
            var directives = ParseDirectives(isConst: true);
            Push(new EnumValueDefinitionNode(description, name, directives) { Location = LocationFrom(start) });
        }
        while (!Optional(TokenKind.BraceRight));
        return PopList<EnumValueDefinitionNode>(listStart);
    }

    private TypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var keyword = _lexer.Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            switch (_lexer.Text(keyword))
            {
                case "schema": return ParseSchemaExtension();
                case "scalar": return ParseScalarTypeExtension();
                case "type": return ParseObjectTypeExtension();
                case "interface": return ParseInterfaceTypeExtension();
                case "union": return ParseUnionTypeExtension();
                case "enum": return ParseEnumTypeExtension();
                case "input": return ParseInputObjectTypeExtension();
                default: break;
            }
        }
        throw Unexpected(keyword);
    }

    private SchemaExtensionNode ParseSchemaExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        var operationTypes = SyntaxList<OperationTypeDefinitionNode>.Empty;
        if (Optional(TokenKind.BraceLeft))
        {
            var listStart = _stackCount;
            do
            {
                Push(ParseOperationTypeDefinition());
            }
            while (!Optional(TokenKind.BraceRight));
            operationTypes = PopList<OperationTypeDefinitionNode>(listStart);
        }
        RequireExtensionContent(directives.Count + operationTypes.Count);
        return new SchemaExtensionNode(directives, operationTypes) { Location = LocationFrom(start) };
    }

    private ScalarTypeExtensionNode ParseScalarTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        RequireExtensionContent(directives.Count);
        return new ScalarTypeExtensionNode(name, directives) { Location = LocationFrom(start) };
    }

    private ObjectTypeExtensionNode ParseObjectTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        RequireExtensionContent(interfaces.Count + directives.Count + fields.Count);
        return new ObjectTypeExtensionNode(name, interfaces, directives, fields) { Location = LocationFrom(start) };
    }

    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        RequireExtensionContent(interfaces.Count + directives.Count + fields.Count);
        return new InterfaceTypeExtensionNode(name, interfaces, directives, fields) { Location = LocationFrom(start) };
    }

    private UnionTypeExtensionNode ParseUnionTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        RequireExtensionContent(directives.Count + types.Count);
        return new UnionTypeExtensionNode(name, directives, types) { Location = LocationFrom(start) };
    }

    private EnumTypeExtensionNode ParseEnumTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        RequireExtensionContent(directives.Count + values.Count);
        return new EnumTypeExtensionNode(name, directives, values) { Location = LocationFrom(start) };
    }

    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension()
    {
        var start = Current;
        ExpectKeyword("extend");
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        RequireExtensionContent(directives.Count + fields.Count);
        return new InputObjectTypeExtensionNode(name, directives, fields) { Location = LocationFrom(start) };
    }

    /// <summary>An extension must add something; an empty one is reported at the token where content was expected.</summary>
    private void RequireExtensionContent(int count)
    {
        if (count == 0)
        {
            throw Unexpected(Current);
        }
    }
}
