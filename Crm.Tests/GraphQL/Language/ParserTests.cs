using Crm.GraphQL.Language;

namespace Crm.Tests.GraphQL.Language;

public sealed class ParserTests
{
    [Fact]
    public void Operation_WithVariablesDirectivesAndSelections_IsParsedIntoNodes()
    {
        var document = Parser.Parse("""
            query Q($id: ID! = "1", $tags: [String!] @meta) @live {
              me: user(id: $id, filter: {tags: $tags, n: [1, 2.5, true, null, ACTIVE]}) @include(if: true) {
                ... on Admin { level }
                ...Rest @skip(if: false)
                ... @defer { lazy }
              }
            }
            """);

        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Q", operation.Name!.Value);
        Assert.Equal(["id", "tags"], operation.VariableDefinitions.Select(v => v.Variable.Name.Value));
        var id = operation.VariableDefinitions[0];
        Assert.Equal(new NonNullTypeNode(new NamedTypeNode(new NameNode("ID"))), id.Type);
        Assert.Equal(new StringValueNode("1", false), id.DefaultValue);
        Assert.Equal(new ListTypeNode(new NonNullTypeNode(new NamedTypeNode(new NameNode("String")))), operation.VariableDefinitions[1].Type);
        Assert.Equal("meta", Assert.Single(operation.VariableDefinitions[1].Directives).Name.Value);
        Assert.Equal("live", Assert.Single(operation.Directives).Name.Value);

        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("me", field.Alias!.Value);
        Assert.Equal("user", field.Name.Value);
        Assert.Equal("me", field.ResponseName);
        Assert.Equal(new VariableNode(new NameNode("id")), field.Arguments[0].Value);
        var filter = Assert.IsType<ObjectValueNode>(field.Arguments[1].Value);
        var list = Assert.IsType<ListValueNode>(filter.Fields[1].Value);
        Assert.Equal<ValueNode>(
            [new IntValueNode("1"), new FloatValueNode("2.5"), new BooleanValueNode(true), new NullValueNode(), new EnumValueNode("ACTIVE")],
            list.Values);

        var selections = field.SelectionSet!.Selections;
        var inline = Assert.IsType<InlineFragmentNode>(selections[0]);
        Assert.Equal("Admin", inline.TypeCondition!.Name.Value);
        var spread = Assert.IsType<FragmentSpreadNode>(selections[1]);
        Assert.Equal("Rest", spread.Name.Value);
        Assert.Equal("skip", Assert.Single(spread.Directives).Name.Value);
        var untyped = Assert.IsType<InlineFragmentNode>(selections[2]);
        Assert.Null(untyped.TypeCondition);
        Assert.Equal("defer", Assert.Single(untyped.Directives).Name.Value);
    }

    [Fact]
    public void Shorthand_IsAnAnonymousQuery()
    {
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(Parser.Parse("{ a }").Definitions));

        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Empty(operation.VariableDefinitions);
        Assert.Empty(operation.Directives);
    }

    [Fact]
    public void Locations_PointAtTheFirstToken_AndSpanTheNode()
    {
        const string source = "query Q {\r\n  alias: field(arg: [1, 2]) {\n    x\n  }\n}";
        var document = Parser.Parse(source);

        var operation = (OperationDefinitionNode)document.Definitions[0];
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        var argument = field.Arguments[0];
        var inner = (FieldNode)field.SelectionSet!.Selections[0];

        Assert.Equal(new Location(0, source.Length, 1, 1), document.Location);
        Assert.Equal(new Location(0, source.Length, 1, 1), operation.Location);
        Assert.Equal((2, 3), (field.Location!.Value.Line, field.Location.Value.Column));
        Assert.Equal("alias: field(arg: [1, 2]) {\n    x\n  }", Slice(source, field.Location));
        Assert.Equal("arg: [1, 2]", Slice(source, argument.Location));
        Assert.Equal("[1, 2]", Slice(source, argument.Value.Location));
        Assert.Equal((3, 5), (inner.Location!.Value.Line, inner.Location.Value.Column));
        Assert.Equal("field", Slice(source, field.Name.Location));
    }

    [Fact]
    public void NoLocations_LeavesEveryLocationNull_AndStillEqualsTheLocatedParse()
    {
        var source = LanguageTestData.Read("executable.graphql");
        var bare = Parser.Parse(source, new ParserOptions { NoLocations = true });
        var located = Parser.Parse(source);

        Assert.Null(bare.Location);
        Assert.Null(((OperationDefinitionNode)bare.Definitions[0]).SelectionSet.Selections[0].Location);
        Assert.NotNull(((OperationDefinitionNode)located.Definitions[0]).SelectionSet.Selections[0].Location);
        Assert.Equal(located, bare);
        Assert.Equal(located.GetHashCode(), bare.GetHashCode());
    }

    [Fact]
    public void StructuralEquality_DistinguishesDifferentDocuments()
    {
        Assert.Equal(Parser.Parse("{ a(x: 1) { b } }"), Parser.Parse("query{a(x:1){b}}"));
        Assert.NotEqual(Parser.Parse("{ a(x: 1) { b } }"), Parser.Parse("{ a(x: 2) { b } }"));
        Assert.NotEqual(Parser.Parse("{ a(x: 1) { b } }"), Parser.Parse("{ a(x: 1) { b c } }"));
        Assert.NotEqual(Parser.ParseValue("ABC"), Parser.ParseValue("\"ABC\""));
        Assert.NotEqual(Parser.ParseValue("\"a\""), Parser.ParseValue("\"\"\"a\"\"\""));
    }

    [Fact]
    public void Keywords_AreOrdinaryNamesWhereANameIsExpected()
    {
        var document = Parser.Parse("""
            query query($on: on = on) { fragment: query(on: $on, true: false, null: null) { on subscription } ...fragment }
            fragment fragment on on { type }
            type type implements interface { schema(on: on = null): extend }
            enum on { on query fragment }
            """);

        Assert.Equal(4, document.Definitions.Count);
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("query", operation.Name!.Value);
        Assert.Equal(new EnumValueNode("on"), operation.VariableDefinitions[0].DefaultValue);
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Equal(("fragment", "query"), (field.Alias!.Value, field.Name.Value));
        Assert.Equal(new BooleanValueNode(false), field.Arguments[1].Value);
        Assert.Equal("fragment", ((FragmentSpreadNode)operation.SelectionSet.Selections[1]).Name.Value);
        var fragment = (FragmentDefinitionNode)document.Definitions[1];
        Assert.Equal(("fragment", "on"), (fragment.Name.Value, fragment.TypeCondition.Name.Value));
    }

    [Fact]
    public void Descriptions_OnOperationsFragmentsAndVariables_AreParsedAndPrinted()
    {
        const string source = "\"Loads the user\"\nquery Q(\"the id\" $id: ID) { a }\n\n\"\"\"\nUser fields\n\"\"\"\nfragment F on User { b }";
        var document = Parser.Parse(source);

        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal(new StringValueNode("Loads the user", false), operation.Description);
        Assert.Equal("the id", operation.VariableDefinitions[0].Description!.Value);
        Assert.Equal(new StringValueNode("User fields", true), ((FragmentDefinitionNode)document.Definitions[1]).Description);
        Assert.Equal("\"Loads the user\"\nquery Q(\"the id\"\n$id: ID) {\n  a\n}\n\n\"\"\"User fields\"\"\"\nfragment F on User {\n  b\n}", Printer.Print(document));
        Assert.Equal(document, Parser.Parse(Printer.Print(document)));
    }

    [Fact]
    public void TypeSystem_InterfacesImplementingInterfaces_RepeatableDirectives_AndExtensions()
    {
        var document = Parser.Parse("""
            "An entity"
            interface Entity implements Node & Named @key(fields: "id") { id: ID! }
            directive @key(fields: String!) repeatable on OBJECT | INTERFACE
            extend interface Entity implements Audited
            extend input Filter @oneOf
            """);

        var entity = Assert.IsType<InterfaceTypeDefinitionNode>(document.Definitions[0]);
        Assert.Equal("An entity", entity.Description!.Value);
        Assert.Equal(["Node", "Named"], entity.Interfaces.Select(i => i.Name.Value));
        Assert.IsAssignableFrom<TypeSystemDefinitionNode>(entity);
        var key = Assert.IsType<DirectiveDefinitionNode>(document.Definitions[1]);
        Assert.True(key.Repeatable);
        Assert.Equal(["OBJECT", "INTERFACE"], key.Locations.Select(l => l.Value));
        var extension = Assert.IsType<InterfaceTypeExtensionNode>(document.Definitions[2]);
        Assert.Equal("Audited", Assert.Single(extension.Interfaces).Name.Value);
        Assert.IsAssignableFrom<TypeSystemExtensionNode>(extension);
        var input = Assert.IsType<InputObjectTypeExtensionNode>(document.Definitions[3]);
        Assert.Equal("oneOf", Assert.Single(input.Directives).Name.Value);
    }

    [Fact]
    public void ParseValueAndParseType_ParseStandaloneFragments()
    {
        Assert.Equal(
            new ObjectValueNode([new ObjectFieldNode(new NameNode("a"), new ListValueNode([new VariableNode(new NameNode("v"))]))]),
            Parser.ParseValue("{a: [$v]}"));
        Assert.Equal(new NonNullTypeNode(new ListTypeNode(new NonNullTypeNode(new NamedTypeNode(new NameNode("Int"))))), Parser.ParseType("[Int!]!"));
    }

    [Fact]
    public void NodesBuiltInCode_CompareWithParsedNodes()
    {
        var built = new FieldNode(null, new NameNode("a"), [], [], null);
        var parsed = ((OperationDefinitionNode)Parser.Parse("{ a }").Definitions[0]).SelectionSet.Selections[0];

        Assert.Equal(parsed, built);
        Assert.Equal(built, parsed);
        Assert.Equal(parsed.GetHashCode(), built.GetHashCode());
        Assert.Equal("a", built.ToString());
        Assert.Empty(new FieldNode(null, new NameNode("a"), null!, null!, null).Arguments);
    }

    private static string Slice(string source, Location? location) =>
        source[location!.Value.Start..location.Value.End];
}
