using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Starts a builder from SDL; resolvers can then be bound by field coordinate with <see cref="Resolve(string, Func{IResolverContext, object})"/>.</summary>
    /// <exception cref="GraphQLSyntaxException">The SDL does not parse.</exception>
    public static SchemaBuilder FromSdl(string sdl) => new SchemaBuilder().AddSdl(sdl);

    /// <summary>Adds the definitions and extensions of an SDL text.</summary>
    /// <exception cref="GraphQLSyntaxException">The SDL does not parse.</exception>
    public SchemaBuilder AddSdl(string sdl)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        return AddDocument(Parser.Parse(sdl));
    }

    /// <summary>Starts a builder from a parsed SDL document.</summary>
    public static SchemaBuilder FromDocument(DocumentNode document) => new SchemaBuilder().AddDocument(document);

    /// <summary>
    /// Adds the type-system definitions of a parsed SDL document. Extensions (<c>extend type …</c>)
    /// are applied when the schema is built, after every definition, so they may come first.
    /// Executable definitions are reported as errors.
    /// </summary>
    public SchemaBuilder AddDocument(DocumentNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    AddSchemaDefinition(schema);
                    break;
                case TypeSystemExtensionNode extension:
                    _extensions.Add(extension);
                    break;
                case TypeDefinitionNode type:
                    AddTypeDefinition(type);
                    break;
                case DirectiveDefinitionNode directive:
                    AddDirectiveDefinition(directive);
                    break;
                default:
                    _errors.Add($"A schema document cannot contain the {Describe(definition)}{At(definition.Location)}.");
                    break;
            }
        }
        return this;
    }

    private static string Describe(DefinitionNode definition) => definition switch
    {
        OperationDefinitionNode op => op.Name is null ? "anonymous operation" : $"operation \"{op.Name.Value}\"",
        FragmentDefinitionNode fragment => $"fragment \"{fragment.Name.Value}\"",
        _ => definition.GetType().Name,
    };

    internal static string At(Location? location) => location is { } l ? $" (line {l.Line}, column {l.Column})" : string.Empty;

    private void AddSchemaDefinition(SchemaDefinitionNode schema)
    {
        if (_hasSchemaDefinition)
        {
            _errors.Add($"Must provide only one schema definition{At(schema.Location)}.");
            return;
        }
        _hasSchemaDefinition = true;
        _description = schema.Description?.Value ?? _description;
        _queryTypeName = null;
        _mutationTypeName = null;
        _subscriptionTypeName = null;
        AddOperationTypes(schema.OperationTypes);
    }

    private void AddOperationTypes(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        foreach (var operationType in operationTypes)
        {
            var name = operationType.Type.Name.Value;
            switch (operationType.Operation)
            {
                case OperationType.Query:
                    SetRoot(ref _queryTypeName, "query", name, operationType.Location);
                    break;
                case OperationType.Mutation:
                    SetRoot(ref _mutationTypeName, "mutation", name, operationType.Location);
                    break;
                case OperationType.Subscription:
                    SetRoot(ref _subscriptionTypeName, "subscription", name, operationType.Location);
                    break;
            }
        }
    }

    private void SetRoot(ref string? slot, string operation, string name, Location? location)
    {
        if (slot is not null)
        {
            _errors.Add($"There can be only one {operation} type in schema{At(location)}.");
            return;
        }
        slot = name;
    }

    private void AddTypeDefinition(TypeDefinitionNode node)
    {
        var name = node.Name.Value;
        if (ScalarType.IsBuiltInName(name) && node is ScalarTypeDefinitionNode)
        {
            // The built-in scalars need no definition; one in SDL changes nothing.
            return;
        }
        if (_types.TryGetValue(name, out var existing))
        {
            if (existing is ScalarDraft scalar && node is ScalarTypeDefinitionNode && scalar.Location is null && scalar.Implementation is not null)
            {
                // A scalar registered in code first, now declared in SDL: the SDL adds its description and directives.
                scalar.Location = node.Location;
                scalar.Description ??= node.Description?.Value;
                ApplyScalarDirectives(scalar, node.Directives);
                return;
            }
            _errors.Add($"There can be only one type named \"{name}\"{At(node.Location)}.");
            return;
        }
        TypeDraft draft = node switch
        {
            ScalarTypeDefinitionNode => new ScalarDraft(name),
            ObjectTypeDefinitionNode => new ComplexDraft(name, TypeKind.Object),
            InterfaceTypeDefinitionNode => new ComplexDraft(name, TypeKind.Interface),
            UnionTypeDefinitionNode => new UnionDraft(name),
            EnumTypeDefinitionNode => new EnumDraft(name),
            InputObjectTypeDefinitionNode => new InputObjectDraft(name),
            _ => throw new ArgumentException($"Unknown type definition {node.GetType().Name}.", nameof(node)),
        };
        draft.Description = node.Description?.Value;
        draft.Location = node.Location;
        _types[name] = draft;
        _typeOrder.Add(draft);
        switch (node)
        {
            case ScalarTypeDefinitionNode scalarNode:
                ApplyScalarDirectives((ScalarDraft)draft, scalarNode.Directives);
                break;
            case ObjectTypeDefinitionNode obj:
                ExtendComplex((ComplexDraft)draft, obj.Interfaces, obj.Directives, obj.Fields);
                break;
            case InterfaceTypeDefinitionNode iface:
                ExtendComplex((ComplexDraft)draft, iface.Interfaces, iface.Directives, iface.Fields);
                break;
            case UnionTypeDefinitionNode union:
                ExtendUnion((UnionDraft)draft, union.Directives, union.Types);
                break;
            case EnumTypeDefinitionNode enumNode:
                ExtendEnum((EnumDraft)draft, enumNode.Directives, enumNode.Values);
                break;
            case InputObjectTypeDefinitionNode input:
                ExtendInputObject((InputObjectDraft)draft, input.Directives, input.Fields);
                break;
        }
    }

    private void ApplyExtension(TypeSystemExtensionNode extension, List<string> errors)
    {
        if (extension is SchemaExtensionNode schemaExtension)
        {
            AddOperationTypes(schemaExtension.OperationTypes);
            return;
        }
        var typeExtension = (TypeExtensionNode)extension;
        var name = typeExtension.Name.Value;
        if (!_types.TryGetValue(name, out var draft))
        {
            errors.Add($"Cannot extend type \"{name}\" because it is not defined{At(extension.Location)}.");
            return;
        }
        switch (extension, draft)
        {
            case (ScalarTypeExtensionNode scalar, ScalarDraft scalarDraft):
                ApplyScalarDirectives(scalarDraft, scalar.Directives);
                break;
            case (ObjectTypeExtensionNode obj, ComplexDraft { Kind: TypeKind.Object } objDraft):
                ExtendComplex(objDraft, obj.Interfaces, obj.Directives, obj.Fields, errors);
                break;
            case (InterfaceTypeExtensionNode iface, ComplexDraft { Kind: TypeKind.Interface } ifaceDraft):
                ExtendComplex(ifaceDraft, iface.Interfaces, iface.Directives, iface.Fields, errors);
                break;
            case (UnionTypeExtensionNode union, UnionDraft unionDraft):
                ExtendUnion(unionDraft, union.Directives, union.Types);
                break;
            case (EnumTypeExtensionNode enumNode, EnumDraft enumDraft):
                ExtendEnum(enumDraft, enumNode.Directives, enumNode.Values, errors);
                break;
            case (InputObjectTypeExtensionNode input, InputObjectDraft inputDraft):
                ExtendInputObject(inputDraft, input.Directives, input.Fields, errors);
                break;
            default:
                errors.Add($"Cannot extend non-{ExtensionKind(extension)} type \"{name}\"{At(extension.Location)}.");
                break;
        }
    }

    private static string ExtensionKind(TypeSystemExtensionNode extension) => extension switch
    {
        ScalarTypeExtensionNode => "scalar",
        ObjectTypeExtensionNode => "object",
        InterfaceTypeExtensionNode => "interface",
        UnionTypeExtensionNode => "union",
        EnumTypeExtensionNode => "enum",
        _ => "input object",
    };

    private static void ApplyScalarDirectives(ScalarDraft draft, IReadOnlyList<DirectiveNode> directives)
    {
        draft.Directives.AddRange(directives);
        if (FindDirective(directives, "specifiedBy") is { } specifiedBy && StringArgument(specifiedBy, "url") is { } url)
        {
            draft.SpecifiedByUrl = url;
        }
    }

    private void ExtendComplex(ComplexDraft draft, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<FieldDefinitionNode> fields, List<string>? errors = null)
    {
        draft.Interfaces.AddRange(interfaces);
        draft.Directives.AddRange(directives);
        foreach (var fieldNode in fields)
        {
            var name = fieldNode.Name.Value;
            if (draft.FindField(name) is not null)
            {
                (errors ?? _errors).Add(errors is null
                    ? $"Field \"{draft.Name}.{name}\" can only be defined once{At(fieldNode.Location)}."
                    : $"Field \"{draft.Name}.{name}\" already exists in the schema. It cannot also be defined in this type extension{At(fieldNode.Location)}.");
                continue;
            }
            var field = new FieldDraft(name, fieldNode.Type)
            {
                Description = fieldNode.Description?.Value,
                DeprecationReason = DeprecationReason(fieldNode.Directives),
                Location = fieldNode.Location,
            };
            field.Directives.AddRange(fieldNode.Directives);
            foreach (var argument in fieldNode.Arguments)
            {
                field.Arguments.Add(InputValue(argument));
            }
            draft.Fields.Add(field);
        }
    }

    private static void ExtendUnion(UnionDraft draft, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<NamedTypeNode> members)
    {
        draft.Directives.AddRange(directives);
        draft.Members.AddRange(members);
    }

    private void ExtendEnum(EnumDraft draft, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values, List<string>? errors = null)
    {
        draft.Directives.AddRange(directives);
        foreach (var valueNode in values)
        {
            var name = valueNode.Name.Value;
            if (draft.Values.Exists(v => v.Name == name))
            {
                (errors ?? _errors).Add($"Enum value \"{draft.Name}.{name}\" can only be defined once{At(valueNode.Location)}.");
                continue;
            }
            var value = new EnumValueDraft(name)
            {
                Description = valueNode.Description?.Value,
                DeprecationReason = DeprecationReason(valueNode.Directives),
                Location = valueNode.Location,
            };
            value.Directives.AddRange(valueNode.Directives);
            draft.Values.Add(value);
        }
    }

    private void ExtendInputObject(InputObjectDraft draft, IReadOnlyList<DirectiveNode> directives, IReadOnlyList<InputValueDefinitionNode> fields, List<string>? errors = null)
    {
        draft.Directives.AddRange(directives);
        if (FindDirective(directives, "oneOf") is not null)
        {
            draft.IsOneOf = true;
        }
        foreach (var fieldNode in fields)
        {
            if (draft.Fields.Exists(f => f.Name == fieldNode.Name.Value))
            {
                (errors ?? _errors).Add($"Input field \"{draft.Name}.{fieldNode.Name.Value}\" can only be defined once{At(fieldNode.Location)}.");
                continue;
            }
            draft.Fields.Add(InputValue(fieldNode));
        }
    }

    private void AddDirectiveDefinition(DirectiveDefinitionNode node)
    {
        var name = node.Name.Value;
        if (BuiltInDirectives.IsBuiltInName(name))
        {
            // The built-in directives are always present; a definition in SDL (as printed by some tools) changes nothing.
            return;
        }
        if (_directives.Exists(d => d.Name == name))
        {
            _errors.Add($"There can be only one directive named \"@{name}\"{At(node.Location)}.");
            return;
        }
        var draft = new DirectiveDraft(name)
        {
            Description = node.Description?.Value,
            IsRepeatable = node.Repeatable,
            Location = node.Location,
        };
        foreach (var location in node.Locations)
        {
            draft.Locations.Add(location.Value);
        }
        foreach (var argument in node.Arguments)
        {
            draft.Arguments.Add(InputValue(argument));
        }
        _directives.Add(draft);
    }

    private static InputValueDraft InputValue(InputValueDefinitionNode node)
    {
        var draft = new InputValueDraft(node.Name.Value, node.Type)
        {
            Description = node.Description?.Value,
            DefaultLiteral = node.DefaultValue,
            DeprecationReason = DeprecationReason(node.Directives),
            Location = node.Location,
        };
        draft.Directives.AddRange(node.Directives);
        return draft;
    }

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        var deprecated = FindDirective(directives, "deprecated");
        return deprecated is null ? null : StringArgument(deprecated, "reason") ?? BuiltInDirectives.DefaultDeprecationReason;
    }

    private static DirectiveNode? FindDirective(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == name)
            {
                return directive;
            }
        }
        return null;
    }

    private static string? StringArgument(DirectiveNode directive, string name)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value == name && argument.Value is StringValueNode value)
            {
                return value.Value;
            }
        }
        return null;
    }
}
