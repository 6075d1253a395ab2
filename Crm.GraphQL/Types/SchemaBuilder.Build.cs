using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Builds and validates the schema.</summary>
    /// <exception cref="SchemaValidationException">The schema breaks the type-system rules; the exception lists every problem.</exception>
    public Schema Build()
    {
        // Extensions change the drafts, so each is applied once even if Build is called again.
        foreach (var extension in _extensions)
        {
            ApplyExtension(extension, _errors);
        }
        _extensions.Clear();
        var errors = new List<string>(_errors);
        foreach (var binding in _bindings)
        {
            binding(errors);
        }
        var build = new BuildState(errors);
        var introspection = new Introspection();
        foreach (var type in introspection.Types)
        {
            build.TypeMap[type.Name] = type;
        }
        var userTypes = new List<NamedType>(_typeOrder.Count);
        foreach (var draft in _typeOrder)
        {
            var type = CreateShell(draft);
            userTypes.Add(type);
            build.TypeMap[draft.Name] = type;
            build.Drafts[type] = draft;
        }
        // Introspection answers with names and flags, so every schema uses String and Boolean.
        build.UseBuiltIn(ScalarType.String);
        build.UseBuiltIn(ScalarType.Boolean);

        foreach (var type in userTypes)
        {
            FillType(type, build.Drafts[type], build);
        }
        var directives = new List<DirectiveDefinition>(BuiltInDirectives.All);
        foreach (var draft in _directives)
        {
            directives.Add(CreateDirective(draft, build));
        }
        build.ComputeDefaults();

        var query = RootType(_queryTypeName ?? (build.TypeMap.ContainsKey("Query") ? "Query" : null), "Query", build, required: true);
        var mutation = RootType(_mutationTypeName ?? (_hasSchemaDefinition ? null : DefaultRoot("Mutation", build)), "Mutation", build, required: false);
        var subscription = RootType(_subscriptionTypeName ?? (_hasSchemaDefinition ? null : DefaultRoot("Subscription", build)), "Subscription", build, required: false);

        var types = new List<NamedType>(userTypes.Count + build.BuiltInsUsed.Count + introspection.Types.Count);
        types.AddRange(userTypes);
        types.AddRange(build.LibraryScalarsUsed);
        types.AddRange(build.BuiltInsUsed);
        types.AddRange(introspection.Types);
        var schema = new Schema(_description, query ?? new ObjectType("Query", null), mutation, subscription, types, directives, introspection);

        SchemaValidator.Validate(schema, build.Drafts, _directives, errors);
        CheckAppliedDirectives(schema, errors);
        if (errors.Count > 0)
        {
            throw new SchemaValidationException(errors.Distinct().ToList());
        }
        return schema;
    }

    private static string? DefaultRoot(string name, BuildState build) => build.TypeMap.ContainsKey(name) ? name : null;

    private static ObjectType? RootType(string? name, string operation, BuildState build, bool required)
    {
        if (name is null)
        {
            if (required)
            {
                build.Errors.Add("Query root type must be provided.");
            }
            return null;
        }
        switch (build.TypeMap.GetValueOrDefault(name))
        {
            case ObjectType obj when !obj.IsIntrospectionType:
                return obj;
            case null:
                build.Errors.Add($"{operation} root type \"{name}\" is not defined.");
                return null;
            case var other:
                build.Errors.Add($"{operation} root type must be Object type{(required ? string.Empty : " if provided")}, it cannot be {other.Name}.");
                return null;
        }
    }

    private static NamedType CreateShell(TypeDraft draft) => draft switch
    {
        ScalarDraft scalar => scalar.Implementation ?? new PassThroughScalar(scalar.Name, scalar.Description, scalar.SpecifiedByUrl),
        ComplexDraft { Kind: TypeKind.Object } obj => new ObjectType(obj.Name, obj.Description) { ClrType = obj.ClrType, IsTypeOf = obj.IsTypeOf },
        ComplexDraft iface => new InterfaceType(iface.Name, iface.Description) { ResolveType = iface.ResolveType },
        UnionDraft union => new UnionType(union.Name, union.Description) { ResolveType = union.ResolveType },
        EnumDraft enumDraft => new EnumType(enumDraft.Name, enumDraft.Description),
        InputObjectDraft input => new InputObjectType(input.Name, input.Description) { IsOneOf = input.IsOneOf },
        _ => throw new ArgumentException($"Unknown draft {draft.GetType().Name}.", nameof(draft)),
    };

    private static void FillType(NamedType type, TypeDraft draft, BuildState build)
    {
        switch (type, draft)
        {
            case (ComplexType complex, ComplexDraft complexDraft):
            {
                var fields = new FieldDefinition[complexDraft.Fields.Count];
                for (var i = 0; i < fields.Length; i++)
                {
                    var fieldDraft = complexDraft.Fields[i];
                    var owner = $"field \"{complex.Name}.{fieldDraft.Name}\"";
                    var field = new FieldDefinition(fieldDraft.Name, fieldDraft.Description, fieldDraft.DeprecationReason)
                    {
                        Type = build.Resolve(fieldDraft.Type, owner, fieldDraft.Location),
                        Resolver = fieldDraft.Resolver,
                        Subscriber = fieldDraft.Subscriber,
                        DeclaringType = complex,
                    };
                    field.Arguments = CreateArguments(fieldDraft.Arguments, $"{complex.Name}.{fieldDraft.Name}", build);
                    fields[i] = field;
                }
                complex.Fields = new DefinitionCollection<FieldDefinition>(fields);
                var interfaces = new List<InterfaceType>(complexDraft.Interfaces.Count);
                foreach (var reference in complexDraft.Interfaces)
                {
                    switch (build.TypeMap.GetValueOrDefault(reference.Name.Value))
                    {
                        case InterfaceType iface:
                            interfaces.Add(iface);
                            break;
                        case null:
                            build.Errors.Add($"Unknown type \"{reference.Name.Value}\" implemented by \"{complex.Name}\"{At(reference.Location ?? draft.Location)}.");
                            break;
                        case var other:
                            build.Errors.Add($"Type {complex.Name} must only implement Interface types, it cannot implement {other.Name}.");
                            break;
                    }
                }
                complex.Interfaces = interfaces;
                break;
            }
            case (UnionType union, UnionDraft unionDraft):
            {
                var members = new List<ObjectType>(unionDraft.Members.Count);
                foreach (var reference in unionDraft.Members)
                {
                    switch (build.TypeMap.GetValueOrDefault(reference.Name.Value) ?? ScalarType.FromBuiltInName(reference.Name.Value))
                    {
                        case ObjectType obj:
                            members.Add(obj);
                            break;
                        case null:
                            build.Errors.Add($"Unknown type \"{reference.Name.Value}\" in union \"{union.Name}\"{At(reference.Location ?? draft.Location)}.");
                            break;
                        case var other:
                            build.Errors.Add($"Union type {union.Name} can only include Object types, it cannot include {other.Name}.");
                            break;
                    }
                }
                union.Types = members;
                break;
            }
            case (EnumType enumType, EnumDraft enumDraft):
            {
                var values = new EnumValueDefinition[enumDraft.Values.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    var value = enumDraft.Values[i];
                    values[i] = new EnumValueDefinition(value.Name, value.Description, value.DeprecationReason, value.Value ?? value.Name);
                }
                enumType.SetValues(values);
                break;
            }
            case (InputObjectType input, InputObjectDraft inputDraft):
            {
                var fields = new InputFieldDefinition[inputDraft.Fields.Count];
                for (var i = 0; i < fields.Length; i++)
                {
                    var fieldDraft = inputDraft.Fields[i];
                    var field = new InputFieldDefinition(fieldDraft.Name, fieldDraft.Description, fieldDraft.DeprecationReason)
                    {
                        Type = build.Resolve(fieldDraft.Type, $"input field \"{input.Name}.{fieldDraft.Name}\"", fieldDraft.Location),
                    };
                    build.PendingDefaults.Add((field, fieldDraft, $"{input.Name}.{fieldDraft.Name}", input));
                    fields[i] = field;
                }
                input.Fields = new DefinitionCollection<InputFieldDefinition>(fields);
                break;
            }
        }
    }

    private static DefinitionCollection<ArgumentDefinition> CreateArguments(List<InputValueDraft> drafts, string owner, BuildState build)
    {
        if (drafts.Count == 0)
        {
            return DefinitionCollection<ArgumentDefinition>.Empty;
        }
        var arguments = new ArgumentDefinition[drafts.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var draft = drafts[i];
            var argument = new ArgumentDefinition(draft.Name, draft.Description, draft.DeprecationReason)
            {
                Type = build.Resolve(draft.Type, $"argument \"{owner}({draft.Name}:)\"", draft.Location),
            };
            build.PendingDefaults.Add((argument, draft, $"{owner}({draft.Name}:)", null));
            arguments[i] = argument;
        }
        return new DefinitionCollection<ArgumentDefinition>(arguments);
    }

    private static DirectiveDefinition CreateDirective(DirectiveDraft draft, BuildState build)
    {
        var locations = new List<DirectiveLocation>(draft.Locations.Count);
        foreach (var name in draft.Locations)
        {
            if (DirectiveLocationNames.TryParse(name, out var location))
            {
                locations.Add(location);
            }
            else
            {
                build.Errors.Add($"Directive \"@{draft.Name}\" has an unknown location \"{name}\"{At(draft.Location)}.");
            }
        }
        var directive = new DirectiveDefinition(draft.Name, draft.Description, locations, draft.IsRepeatable);
        directive.Arguments = CreateArguments(draft.Arguments, "@" + draft.Name, build);
        return directive;
    }

    /// <summary>Mutable state of one <see cref="Build"/> call.</summary>
    private sealed class BuildState(List<string> errors)
    {
        private readonly HashSet<InputObjectType> _defaultsDone = [];
        private readonly HashSet<InputObjectType> _defaultsInProgress = [];

        public List<string> Errors { get; } = errors;

        public Dictionary<string, NamedType> TypeMap { get; } = new(StringComparer.Ordinal);

        public Dictionary<NamedType, TypeDraft> Drafts { get; } = [];

        public List<ScalarType> BuiltInsUsed { get; } = [];

        public List<ScalarType> LibraryScalarsUsed { get; } = [];

        public List<(InputValueDefinition Definition, InputValueDraft Draft, string Owner, InputObjectType? DeclaringInput)> PendingDefaults { get; } = [];

        public void UseBuiltIn(ScalarType scalar)
        {
            if (!BuiltInsUsed.Contains(scalar))
            {
                BuiltInsUsed.Add(scalar);
            }
        }

        public GraphQLType Resolve(TypeNode node, string owner, Location? location)
        {
            switch (node)
            {
                case NonNullTypeNode nonNull:
                {
                    var inner = Resolve(nonNull.Type, owner, location);
                    return inner is NonNullType ? inner : new NonNullType(inner);
                }
                case ListTypeNode list:
                    return new ListType(Resolve(list.Type, owner, location));
                case NamedTypeNode named:
                {
                    var name = named.Name.Value;
                    if (TypeMap.TryGetValue(name, out var type) && !type.IsIntrospectionType)
                    {
                        return type;
                    }
                    if (ScalarType.FromBuiltInName(name) is { } builtIn)
                    {
                        UseBuiltIn(builtIn);
                        return builtIn;
                    }
                    if (ScalarType.FromLibraryName(name) is { } library)
                    {
                        // DateTime, Date, Decimal and UUID need no registration when referenced by name.
                        TypeMap[name] = library;
                        LibraryScalarsUsed.Add(library);
                        return library;
                    }
                    Errors.Add($"Unknown type \"{name}\" referenced by {owner}{At(named.Location ?? location)}.");
                    // Continue with a placeholder so that every other problem is reported too.
                    return ScalarType.String;
                }
                default:
                    throw new ArgumentException($"Unknown type node {node.GetType().Name}.", nameof(node));
            }
        }

        public void ComputeDefaults()
        {
            // Input object fields first, in dependency order, since coercing an object default
            // fills in the defaults of the nested object's own fields.
            foreach (var pending in PendingDefaults)
            {
                if (pending.DeclaringInput is { } input)
                {
                    EnsureInputDefaults(input);
                }
            }
            foreach (var pending in PendingDefaults)
            {
                if (pending.DeclaringInput is null)
                {
                    EnsureNestedDefaults(pending.Definition.Type);
                    ComputeDefault(pending.Definition, pending.Draft, pending.Owner);
                }
            }
        }

        private void EnsureNestedDefaults(GraphQLType type)
        {
            if (type.NamedType() is InputObjectType nested)
            {
                EnsureInputDefaults(nested);
            }
        }

        private void EnsureInputDefaults(InputObjectType input)
        {
            if (_defaultsDone.Contains(input) || !_defaultsInProgress.Add(input))
            {
                return;
            }
            foreach (var pending in PendingDefaults)
            {
                if (ReferenceEquals(pending.DeclaringInput, input))
                {
                    EnsureNestedDefaults(pending.Definition.Type);
                    ComputeDefault(pending.Definition, pending.Draft, pending.Owner);
                }
            }
            _defaultsInProgress.Remove(input);
            _defaultsDone.Add(input);
        }

        private void ComputeDefault(InputValueDefinition definition, InputValueDraft draft, string owner)
        {
            ValueNode? literal = draft.DefaultLiteral;
            try
            {
                if (literal is null && draft.HasClrDefault)
                {
                    literal = ValueCoercion.ToLiteral(draft.DefaultClrValue, definition.Type);
                }
                if (literal is null)
                {
                    return;
                }
                if (ContainsVariable(literal))
                {
                    Errors.Add($"Default value of \"{owner}\" must be constant; it cannot use variables{At(literal.Location ?? draft.Location)}.");
                    return;
                }
                definition.DefaultValue = literal;
                definition.CoercedDefaultValue = ValueCoercion.CoerceLiteral(literal, definition.Type);
            }
            catch (CoercionException ex)
            {
                var where = ex.Path.Count > 0 ? $" at \"{string.Join('.', ex.Path)}\"" : string.Empty;
                Errors.Add($"Default value of \"{owner}\" is invalid{where}: {ex.Message}{At(literal?.Location ?? draft.Location)}");
            }
        }

        private static bool ContainsVariable(ValueNode value) => value switch
        {
            VariableNode => true,
            ListValueNode list => list.Values.Any(ContainsVariable),
            ObjectValueNode obj => obj.Fields.Any(f => ContainsVariable(f.Value)),
            _ => false,
        };
    }
}
