using Crm.GraphQL.Types;

namespace Crm.Tests.GraphQL.Types;

public sealed class SchemaValidationTests
{
    private static SchemaValidationException Fails(string sdl) =>
        Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(sdl).Build());

    private static void AssertError(string sdl, string expected)
    {
        var exception = Fails(sdl);
        Assert.True(
            exception.Errors.Any(e => e.Contains(expected, StringComparison.Ordinal)),
            $"Expected an error containing \"{expected}\" but got:\n{string.Join("\n", exception.Errors)}");
    }

    [Fact]
    public void MissingQueryType_IsRefused() =>
        AssertError("type Foo { a: Int }", "Query root type must be provided.");

    [Fact]
    public void RootTypeThatIsNotAnObject_IsRefused() =>
        AssertError("schema { query: Q } input Q { a: Int }", "Query root type must be Object type, it cannot be Q.");

    [Fact]
    public void NamesStartingWithDoubleUnderscore_AreRefused()
    {
        AssertError("type Query { __secret: Int }", "Name \"__secret\" of field \"Query.__secret\" must not begin with \"__\"");
        AssertError("type Query { a: __Mine } type __Mine { a: Int }", "Name \"__Mine\" of type \"__Mine\" must not begin with \"__\"");
        AssertError("type Query { a(__x: Int): Int }", "must not begin with \"__\"");
    }

    [Fact]
    public void UnknownTypeReference_IsRefusedWithItsLocation() =>
        AssertError("type Query {\n  a: Missing\n}", "Unknown type \"Missing\" referenced by field \"Query.a\" (line 2, column 6)");

    [Fact]
    public void ObjectWithoutFields_IsRefused() =>
        AssertError("type Query { a: Empty } type Empty", "Type Empty must define one or more fields.");

    [Fact]
    public void InputTypeInOutputPosition_AndOutputTypeInInputPosition_AreRefused()
    {
        AssertError("type Query { a: In } input In { x: Int }", "The type of Query.a must be Output Type but got: In.");
        AssertError("type Query { a(o: Out): Int } type Out { x: Int }", "The type of Query.a(o:) must be Input Type but got: Out.");
        AssertError("type Query { a: Int } input In { o: Out } type Out { x: Int }", "The type of In.o must be Input Type but got: Out.");
    }

    [Fact]
    public void MissingInterfaceField_IsRefused() =>
        AssertError("type Query { n: Node } interface Node { id: ID! } type User implements Node { name: String }",
            "Interface field Node.id expected but User does not provide it.");

    [Fact]
    public void FieldTypeNotCovariant_IsRefused() =>
        AssertError("type Query { n: Node } interface Node { id: ID! } type User implements Node { id: ID }",
            "Interface field Node.id expects type ID! but User.id is type ID.");

    [Fact]
    public void CovariantFieldTypes_AreAccepted()
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query { n: Node }
            interface Node { id: ID friend: Node friends: [Node] }
            type User implements Node { id: ID! friend: User friends: [User!]! }
            """).Build();

        Assert.Equal(["User"], schema.GetPossibleTypes(schema.GetType("Node")!).Select(t => t.Name));
    }

    [Fact]
    public void InterfaceArguments_MustMatch_AndExtraArgumentsMustBeOptional()
    {
        AssertError("type Query { n: Node } interface Node { f(a: Int): Int } type User implements Node { f: Int }",
            "Interface field argument Node.f(a:) expected but User.f does not provide it.");
        AssertError("type Query { n: Node } interface Node { f(a: Int): Int } type User implements Node { f(a: Int!): Int }",
            "Interface field argument Node.f(a:) expects type Int but User.f(a:) is type Int!.");
        AssertError("type Query { n: Node } interface Node { f: Int } type User implements Node { f(b: Int!): Int }",
            "Argument User.f(b:) must not be required type Int! if not provided by the Interface field Node.f.");
    }

    [Fact]
    public void TransitiveInterfaces_MustBeDeclared() =>
        AssertError("type Query { n: Node } interface Node { id: ID } interface Entity implements Node { id: ID } type User implements Entity { id: ID }",
            "Type User must implement Node because it is implemented by Entity.");

    [Fact]
    public void ImplementingANonInterface_IsRefused() =>
        AssertError("type Query { a: Int } type User implements Query { a: Int }", "Type User must only implement Interface types, it cannot implement Query.");

    [Fact]
    public void UnionMembers_MustBeObjectTypes_AndUnionsNonEmpty()
    {
        AssertError("type Query { u: U } union U = Query | I interface I { a: Int }", "Union type U can only include Object types, it cannot include I.");
        AssertError("type Query { u: U } union U", "Union type U must define one or more member types.");
    }

    [Fact]
    public void EnumsNeedValues_AndCannotUseTrueFalseNull()
    {
        AssertError("type Query { e: E } enum E", "Enum type E must define one or more values.");
        var schema = new SchemaBuilder().Query(q => q.Field("e", "E")).Enum("E", e => e.Value("true")).Type("X", t => t.Field("a", "Int"));
        Assert.Contains(Assert.Throws<SchemaValidationException>(schema.Build).Errors, e => e.Contains("Enum type E cannot include value: true.", StringComparison.Ordinal));
    }

    [Fact]
    public void OneOfFields_MustBeNullableWithoutDefaults()
    {
        AssertError("type Query { a(i: I): Int } input I @oneOf { x: Int! y: Int }", "OneOf input field I.x must be nullable.");
        AssertError("type Query { a(i: I): Int } input I @oneOf { x: Int = 1 y: Int }", "OneOf input field I.x cannot have a default value.");
    }

    [Fact]
    public void NonNullInputCycles_AreRefused_ButNullableOrListCyclesAreFine()
    {
        AssertError("type Query { a(i: A): Int } input A { b: B! } input B { a: A! }",
            "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\".");
        var schema = SchemaBuilder.FromSdl("type Query { a(i: A): Int } input A { b: B } input B { a: A! list: [A!]! }").Build();
        Assert.NotNull(schema.GetType("A"));
    }

    [Fact]
    public void RequiredArgumentsAndInputFields_CannotBeDeprecated()
    {
        AssertError("type Query { a(x: Int! @deprecated): Int }", "Required argument Query.a(x:) cannot be deprecated.");
        AssertError("type Query { a(i: I): Int } input I { x: Int! @deprecated }", "Required input field I.x cannot be deprecated.");
    }

    [Fact]
    public void DirectiveDefinitions_AreChecked()
    {
        AssertError("type Query { a: Int } directive @d(x: Query) on FIELD", "The type of @d(x:) must be Input Type but got: Query.");
        AssertError("type Query { a: Int @unknown }", "Unknown directive \"@unknown\"");
        AssertError("type Query { a: Int @specifiedBy(url: \"x\") }", "Directive \"@specifiedBy\" may not be used on FIELD_DEFINITION");
        AssertError("directive @d on FIELD_DEFINITION type Query { a: Int @d @d }", "The directive \"@d\" can only be used once at this location");
    }

    [Fact]
    public void InvalidDefaultValues_AreRefused()
    {
        AssertError("type Query { a(x: Int = \"one\"): Int }", "Default value of \"Query.a(x:)\" is invalid: Int cannot represent non-integer value: \"one\"");
        AssertError("type Query { a(i: I = { y: 1 }): Int } input I { x: Int! y: Int }", "Field \"I.x\" of required type \"Int!\" was not provided.");
    }

    [Fact]
    public void DuplicateDefinitions_AndBadExtensions_AreRefused()
    {
        AssertError("type Query { a: Int } type Query { b: Int }", "There can be only one type named \"Query\"");
        AssertError("type Query { a: Int a: String }", "Field \"Query.a\" can only be defined once");
        AssertError("type Query { a: Int } extend type Missing { b: Int }", "Cannot extend type \"Missing\" because it is not defined");
        AssertError("type Query { a: Int } extend input Query { b: Int }", "Cannot extend non-input object type \"Query\"");
        AssertError("type Query { a: Int } extend type Query { a: Int }", "Field \"Query.a\" already exists in the schema");
    }

    [Fact]
    public void AllProblems_AreListedAtOnce()
    {
        var exception = Fails("type Query { a: Missing b: AlsoMissing } union U");

        Assert.True(exception.Errors.Count >= 3, string.Join("\n", exception.Errors));
        Assert.Contains("3 problems", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingAResolverToAMissingField_IsReported() =>
        Assert.Contains(
            Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl("type Query { a: Int }").Resolve("Query.b", _ => 1).Build()).Errors,
            e => e.Contains("Cannot bind a resolver to \"Query.b\": the field does not exist.", StringComparison.Ordinal));

    [Fact]
    public void CodeFirst_RedefiningANameAsAnotherKind_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new SchemaBuilder().Type("A", t => t.Field("x", "Int")).InputObject("A", i => i.Field("x", "Int")));
}
