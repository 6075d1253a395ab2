using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>The type-system validation rules of spec section 3, applied when a schema is built.</summary>
internal static class SchemaValidator
{
    public static void Validate(Schema schema, Dictionary<NamedType, TypeDraft> drafts, List<DirectiveDraft> directiveDrafts, List<string> errors)
    {
        var context = new Context(schema, drafts, errors);
        foreach (var type in schema.Types)
        {
            if (type.IsIntrospectionType && !drafts.ContainsKey(type))
            {
                continue;
            }
            if (type is ScalarType { IsBuiltIn: true })
            {
                continue;
            }
            context.ValidateName(type.Name, $"type \"{type.Name}\"", drafts.GetValueOrDefault(type)?.Location);
            switch (type)
            {
                case ObjectType obj:
                    ValidateFields(context, obj);
                    ValidateInterfaces(context, obj);
                    break;
                case InterfaceType iface:
                    ValidateFields(context, iface);
                    ValidateInterfaces(context, iface);
                    break;
                case UnionType union:
                    ValidateUnion(context, union);
                    break;
                case EnumType enumType:
                    ValidateEnum(context, enumType);
                    break;
                case InputObjectType input:
                    ValidateInputObject(context, input);
                    break;
            }
        }
        foreach (var directive in schema.Directives)
        {
            if (directive.IsBuiltIn)
            {
                continue;
            }
            var location = directiveDrafts.Find(d => d.Name == directive.Name)?.Location;
            context.ValidateName(directive.Name, $"directive \"@{directive.Name}\"", location);
            if (directive.Locations.Count == 0)
            {
                context.Error($"Directive @{directive.Name} must include 1 or more locations.", location);
            }
            ValidateArguments(context, directive.Arguments, "@" + directive.Name, location);
        }
    }

    private static void ValidateFields(Context context, ComplexType type)
    {
        var location = context.LocationOf(type);
        if (type.Fields.Count == 0)
        {
            context.Error($"Type {type.Name} must define one or more fields.", location);
        }
        foreach (var field in type.Fields)
        {
            var fieldLocation = context.FieldLocation(type, field.Name) ?? location;
            context.ValidateName(field.Name, $"field \"{type.Name}.{field.Name}\"", fieldLocation);
            if (!field.Type.IsOutputType())
            {
                context.Error($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", fieldLocation);
            }
            ValidateArguments(context, field.Arguments, $"{type.Name}.{field.Name}", fieldLocation);
        }
    }

    private static void ValidateArguments(Context context, DefinitionCollection<ArgumentDefinition> arguments, string owner, Location? location)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            context.ValidateName(argument.Name, $"argument \"{owner}({argument.Name}:)\"", location);
            if (!seen.Add(argument.Name))
            {
                context.Error($"Argument {owner}({argument.Name}:) can only be defined once.", location);
            }
            if (!argument.Type.IsInputType())
            {
                context.Error($"The type of {owner}({argument.Name}:) must be Input Type but got: {argument.Type}.", location);
            }
            if (argument.Type is NonNullType && !argument.HasDefaultValue && argument.IsDeprecated)
            {
                context.Error($"Required argument {owner}({argument.Name}:) cannot be deprecated.", location);
            }
        }
    }

    private static void ValidateInterfaces(Context context, ComplexType type)
    {
        var location = context.LocationOf(type);
        var seen = new HashSet<InterfaceType>();
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                context.Error($"Type {type.Name} cannot implement itself because it would create a circular reference.", location);
                continue;
            }
            if (!seen.Add(iface))
            {
                context.Error($"Type {type.Name} can only implement {iface.Name} once.", location);
                continue;
            }
            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Implements(transitive))
                {
                    context.Error(
                        ReferenceEquals(transitive, type)
                            ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                            : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                        location);
                }
            }
            ValidateImplementation(context, type, iface, location);
        }
    }

    private static void ValidateImplementation(Context context, ComplexType type, InterfaceType iface, Location? location)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var field = type.Fields[ifaceField.Name];
            if (field is null)
            {
                context.Error($"Interface field {iface.Name}.{ifaceField.Name} expected but {type.Name} does not provide it.", location);
                continue;
            }
            var fieldLocation = context.FieldLocation(type, field.Name) ?? location;
            if (!context.Schema.IsTypeSubTypeOf(field.Type, ifaceField.Type))
            {
                context.Error($"Interface field {iface.Name}.{ifaceField.Name} expects type {ifaceField.Type} but {type.Name}.{field.Name} is type {field.Type}.", fieldLocation);
            }
            foreach (var ifaceArgument in ifaceField.Arguments)
            {
                var argument = field.Arguments[ifaceArgument.Name];
                if (argument is null)
                {
                    context.Error($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expected but {type.Name}.{field.Name} does not provide it.", fieldLocation);
                    continue;
                }
                if (!argument.Type.IsEqualType(ifaceArgument.Type))
                {
                    context.Error($"Interface field argument {iface.Name}.{ifaceField.Name}({ifaceArgument.Name}:) expects type {ifaceArgument.Type} but {type.Name}.{field.Name}({argument.Name}:) is type {argument.Type}.", fieldLocation);
                }
            }
            foreach (var argument in field.Arguments)
            {
                if (!ifaceField.Arguments.Contains(argument.Name) && argument.Type is NonNullType && !argument.HasDefaultValue)
                {
                    context.Error($"Argument {type.Name}.{field.Name}({argument.Name}:) must not be required type {argument.Type} if not provided by the Interface field {iface.Name}.{ifaceField.Name}.", fieldLocation);
                }
            }
        }
    }

    private static void ValidateUnion(Context context, UnionType union)
    {
        var location = context.LocationOf(union);
        if (union.Types.Count == 0)
        {
            context.Error($"Union type {union.Name} must define one or more member types.", location);
        }
        var seen = new HashSet<ObjectType>();
        foreach (var member in union.Types)
        {
            if (!seen.Add(member))
            {
                context.Error($"Union type {union.Name} can only include type {member.Name} once.", location);
            }
        }
    }

    private static void ValidateEnum(Context context, EnumType enumType)
    {
        var location = context.LocationOf(enumType);
        if (enumType.Values.Count == 0)
        {
            context.Error($"Enum type {enumType.Name} must define one or more values.", location);
        }
        foreach (var value in enumType.Values)
        {
            if (value.Name is "true" or "false" or "null")
            {
                context.Error($"Enum type {enumType.Name} cannot include value: {value.Name}.", location);
                continue;
            }
            context.ValidateName(value.Name, $"enum value \"{enumType.Name}.{value.Name}\"", location);
        }
    }

    private static void ValidateInputObject(Context context, InputObjectType input)
    {
        var location = context.LocationOf(input);
        if (input.Fields.Count == 0)
        {
            context.Error($"Input Object type {input.Name} must define one or more fields.", location);
        }
        foreach (var field in input.Fields)
        {
            context.ValidateName(field.Name, $"input field \"{input.Name}.{field.Name}\"", location);
            if (!field.Type.IsInputType())
            {
                context.Error($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", location);
            }
            if (field.Type is NonNullType && !field.HasDefaultValue && field.IsDeprecated)
            {
                context.Error($"Required input field {input.Name}.{field.Name} cannot be deprecated.", location);
            }
            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    context.Error($"OneOf input field {input.Name}.{field.Name} must be nullable.", location);
                }
                if (field.HasDefaultValue)
                {
                    context.Error($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", location);
                }
            }
        }
        ValidateNoNonNullCycle(context, input, location);
    }

    private static void ValidateNoNonNullCycle(Context context, InputObjectType start, Location? location)
    {
        // Depth-first search along non-null, non-list fields; a way back to the start can never be satisfied by a finite value.
        var path = new List<string>();
        var visited = new HashSet<InputObjectType>();

        void Visit(InputObjectType current)
        {
            if (!visited.Add(current))
            {
                return;
            }
            foreach (var field in current.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType next })
                {
                    path.Add(field.Name);
                    if (ReferenceEquals(next, start))
                    {
                        context.Error($"Cannot reference Input Object \"{start.Name}\" within itself through a series of non-null fields: \"{string.Join('.', path)}\".", location);
                    }
                    else
                    {
                        Visit(next);
                    }
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        Visit(start);
    }

    private sealed class Context(Schema schema, Dictionary<NamedType, TypeDraft> drafts, List<string> errors)
    {
        public Schema Schema { get; } = schema;

        public Location? LocationOf(NamedType type) => drafts.GetValueOrDefault(type)?.Location;

        public Location? FieldLocation(NamedType type, string fieldName) =>
            (drafts.GetValueOrDefault(type) as ComplexDraft)?.FindField(fieldName)?.Location;

        public void Error(string message, Location? location) => errors.Add(message + SchemaBuilder.At(location));

        public void ValidateName(string name, string what, Location? location)
        {
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                Error($"Name \"{name}\" of {what} must not begin with \"__\", which is reserved by GraphQL introspection.", location);
                return;
            }
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
            {
                Error($"Names must start with [_a-zA-Z] but \"{name}\" ({what}) does not.", location);
                return;
            }
            foreach (var c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    Error($"Names must only contain [_a-zA-Z0-9] but \"{name}\" ({what}) does not.", location);
                    return;
                }
            }
        }
    }
}
