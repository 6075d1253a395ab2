namespace Crm.GraphQL.Types;

/// <summary>
/// The introspection types (<c>__Schema</c>, <c>__Type</c>, …) and meta-fields (<c>__schema</c>,
/// <c>__type</c>, <c>__typename</c>) of the September 2025 edition of the specification.
/// </summary>
internal sealed class Introspection
{
    public Introspection()
    {
        var boolean = ScalarType.Boolean;
        var nonNullString = new NonNullType(ScalarType.String);
        var nonNullBoolean = new NonNullType(boolean);

        TypeKindEnum = new EnumType("__TypeKind", "The kinds of types in a GraphQL schema.");
        TypeKindEnum.SetValues(
        [
            Value("SCALAR", TypeKind.Scalar, "A leaf value: Int, String, a custom scalar, …"),
            Value("OBJECT", TypeKind.Object, "An object type with fields and interfaces."),
            Value("INTERFACE", TypeKind.Interface, "An interface type; `possibleTypes` lists its implementations."),
            Value("UNION", TypeKind.Union, "A union type; `possibleTypes` lists its members."),
            Value("ENUM", TypeKind.Enum, "An enum type; `enumValues` lists its values."),
            Value("INPUT_OBJECT", TypeKind.InputObject, "An input object type; `inputFields` lists its fields."),
            Value("LIST", TypeKind.List, "A list; `ofType` is the item type."),
            Value("NON_NULL", TypeKind.NonNull, "A non-null wrapper; `ofType` is the wrapped type."),
        ]);

        DirectiveLocationEnum = new EnumType("__DirectiveLocation", "The places in documents and schemas where a directive may appear.");
        var locations = new EnumValueDefinition[Enum.GetValues<DirectiveLocation>().Length];
        foreach (var location in Enum.GetValues<DirectiveLocation>())
        {
            locations[(int)location] = Value(location.ToSdlName(), location, $"On {location.ToSdlName().Replace('_', ' ').ToLowerInvariant()}.");
        }
        DirectiveLocationEnum.SetValues(locations);

        SchemaType = new ObjectType("__Schema", "Describes the schema: its types, directives and root operation types.");
        TypeType = new ObjectType("__Type", "Describes a type of the schema: a named type, or a list or non-null wrapper with `ofType`.");
        FieldType = new ObjectType("__Field", "Describes a field of an object or interface type.");
        InputValueType = new ObjectType("__InputValue", "Describes an argument or an input object field.");
        EnumValueType = new ObjectType("__EnumValue", "Describes a value of an enum type.");
        DirectiveType = new ObjectType("__Directive", "Describes a directive the schema supports.");

        var typeRef = new NonNullType(TypeType);
        var typeList = new ListType(typeRef);
        var inputValueList = new NonNullType(new ListType(new NonNullType(InputValueType)));

        SetFields(SchemaType,
        [
            Field("description", ScalarType.String, c => c.Schema.Description),
            Field("types", new NonNullType(typeList), c => c.Schema.Types),
            Field("queryType", typeRef, c => c.Schema.QueryType),
            Field("mutationType", TypeType, c => c.Schema.MutationType),
            Field("subscriptionType", TypeType, c => c.Schema.SubscriptionType),
            Field("directives", new NonNullType(new ListType(new NonNullType(DirectiveType))), c => c.Schema.Directives),
        ]);

        SetFields(TypeType,
        [
            Field("kind", new NonNullType(TypeKindEnum), c => ((GraphQLType)c.Source!).Kind),
            Field("name", ScalarType.String, c => (c.Source as NamedType)?.Name),
            Field("description", ScalarType.String, c => (c.Source as NamedType)?.Description),
            Field("specifiedByURL", ScalarType.String, c => (c.Source as ScalarType)?.SpecifiedByUrl),
            WithIncludeDeprecated(Field("fields", new ListType(new NonNullType(FieldType)), c => c.Source is ComplexType complex
                ? Filter(complex.Fields, IncludeDeprecated(c), f => f.IsDeprecated)
                : null)),
            Field("interfaces", typeList, c => (c.Source as ComplexType)?.Interfaces),
            Field("possibleTypes", typeList, c => c.Source is NamedType named && named.IsAbstractType() ? c.Schema.GetPossibleTypes(named) : null),
            WithIncludeDeprecated(Field("enumValues", new ListType(new NonNullType(EnumValueType)), c => c.Source is EnumType enumType
                ? Filter(enumType.Values, IncludeDeprecated(c), v => v.IsDeprecated)
                : null)),
            WithIncludeDeprecated(Field("inputFields", new ListType(new NonNullType(InputValueType)), c => c.Source is InputObjectType input
                ? Filter(input.Fields, IncludeDeprecated(c), f => f.IsDeprecated)
                : null)),
            Field("ofType", TypeType, c => c.Source switch
            {
                ListType list => list.OfType,
                NonNullType nonNull => nonNull.OfType,
                _ => null,
            }),
            Field("isOneOf", boolean, c => c.Source is InputObjectType input ? input.IsOneOf : null),
        ]);

        SetFields(FieldType,
        [
            Field("name", nonNullString, c => ((FieldDefinition)c.Source!).Name),
            Field("description", ScalarType.String, c => ((FieldDefinition)c.Source!).Description),
            WithIncludeDeprecated(Field("args", inputValueList, c => Filter(((FieldDefinition)c.Source!).Arguments, IncludeDeprecated(c), a => a.IsDeprecated))),
            Field("type", typeRef, c => ((FieldDefinition)c.Source!).Type),
            Field("isDeprecated", nonNullBoolean, c => ((FieldDefinition)c.Source!).IsDeprecated),
            Field("deprecationReason", ScalarType.String, c => ((FieldDefinition)c.Source!).DeprecationReason),
        ]);

        SetFields(InputValueType,
        [
            Field("name", nonNullString, c => ((InputValueDefinition)c.Source!).Name),
            Field("description", ScalarType.String, c => ((InputValueDefinition)c.Source!).Description),
            Field("type", typeRef, c => ((InputValueDefinition)c.Source!).Type),
            Field("defaultValue", ScalarType.String, c => ((InputValueDefinition)c.Source!).DefaultValue is { } literal ? ValuePrinter.Print(literal) : null),
            Field("isDeprecated", nonNullBoolean, c => ((InputValueDefinition)c.Source!).IsDeprecated),
            Field("deprecationReason", ScalarType.String, c => ((InputValueDefinition)c.Source!).DeprecationReason),
        ]);

        SetFields(EnumValueType,
        [
            Field("name", nonNullString, c => ((EnumValueDefinition)c.Source!).Name),
            Field("description", ScalarType.String, c => ((EnumValueDefinition)c.Source!).Description),
            Field("isDeprecated", nonNullBoolean, c => ((EnumValueDefinition)c.Source!).IsDeprecated),
            Field("deprecationReason", ScalarType.String, c => ((EnumValueDefinition)c.Source!).DeprecationReason),
        ]);

        SetFields(DirectiveType,
        [
            Field("name", nonNullString, c => ((DirectiveDefinition)c.Source!).Name),
            Field("description", ScalarType.String, c => ((DirectiveDefinition)c.Source!).Description),
            Field("isRepeatable", nonNullBoolean, c => ((DirectiveDefinition)c.Source!).IsRepeatable),
            Field("locations", new NonNullType(new ListType(new NonNullType(DirectiveLocationEnum))), c => ((DirectiveDefinition)c.Source!).Locations),
            WithIncludeDeprecated(Field("args", inputValueList, c => Filter(((DirectiveDefinition)c.Source!).Arguments, IncludeDeprecated(c), a => a.IsDeprecated))),
        ]);

        TypeNameField = Field("__typename", nonNullString, c => c.ParentType.Name, "The name of the object type of this value.");
        SchemaField = Field("__schema", new NonNullType(SchemaType), c => c.Schema, "Describes the schema.");
        TypeField = Field(
            "__type",
            TypeType,
            c => c.Arguments.TryGetValue("name", out var name) && name is string typeName ? c.Schema.GetType(typeName) : null,
            "Describes the type with the given name, or null when there is none.");
        TypeField.Arguments = new DefinitionCollection<ArgumentDefinition>([new ArgumentDefinition("name", "The type's name.", null) { Type = nonNullString }]);

        Types = [SchemaType, TypeType, TypeKindEnum, FieldType, InputValueType, EnumValueType, DirectiveType, DirectiveLocationEnum];
    }

    public ObjectType SchemaType { get; }

    public ObjectType TypeType { get; }

    public ObjectType FieldType { get; }

    public ObjectType InputValueType { get; }

    public ObjectType EnumValueType { get; }

    public ObjectType DirectiveType { get; }

    public EnumType TypeKindEnum { get; }

    public EnumType DirectiveLocationEnum { get; }

    public IReadOnlyList<NamedType> Types { get; }

    public FieldDefinition TypeNameField { get; }

    public FieldDefinition SchemaField { get; }

    public FieldDefinition TypeField { get; }

    private static bool IncludeDeprecated(IResolverContext context) =>
        context.Arguments.TryGetValue("includeDeprecated", out var value) && value is true;

    private static List<T> Filter<T>(DefinitionCollection<T> items, bool includeDeprecated, Func<T, bool> isDeprecated)
        where T : class, INamedDefinition
    {
        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (includeDeprecated || !isDeprecated(item))
            {
                result.Add(item);
            }
        }
        return result;
    }

    private static EnumValueDefinition Value(string name, object value, string description) => new(name, description, null, value);

    private static FieldDefinition Field(string name, GraphQLType type, Func<IResolverContext, object?> resolve, string? description = null) =>
        new(name, description, null) { Type = type, Resolver = context => new ValueTask<object?>(resolve(context)) };

    private static FieldDefinition WithIncludeDeprecated(FieldDefinition field)
    {
        var argument = new ArgumentDefinition("includeDeprecated", "Whether deprecated elements are included.", null)
        {
            Type = new NonNullType(ScalarType.Boolean),
            DefaultValue = new Language.BooleanValueNode(false),
            CoercedDefaultValue = false,
        };
        field.Arguments = new DefinitionCollection<ArgumentDefinition>([argument]);
        return field;
    }

    private static void SetFields(ObjectType type, FieldDefinition[] fields)
    {
        foreach (var field in fields)
        {
            field.DeclaringType = type;
        }
        type.Fields = new DefinitionCollection<FieldDefinition>(fields);
    }
}
