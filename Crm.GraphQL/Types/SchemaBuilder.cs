using System.Runtime.CompilerServices;
using System.Text;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> code-first with a fluent API, schema-first from SDL, or both:
/// <code>
/// var schema = new SchemaBuilder()
///     .Query(q =&gt; q.Field("hello", "String!", ctx =&gt; "world"))
///     .Build();
/// var fromSdl = SchemaBuilder.FromSdl("type Query { user(id: ID!): User } type User { name: String }")
///     .Resolve("Query.user", ctx =&gt; users.Find(ctx.Argument&lt;string&gt;("id")))
///     .Build();
/// </code>
/// Types may be configured several times (later calls add to earlier ones). Fields without a
/// resolver read a property, dictionary entry or JSON property of the parent value named like the
/// field. The scalars DateTime, Date, Decimal and UUID of <see cref="ScalarType"/> are added when
/// referenced by name without a definition. <see cref="Build"/> validates the schema and throws <see cref="SchemaValidationException"/>
/// listing every problem.
/// </summary>
public sealed partial class SchemaBuilder
{
    private readonly List<TypeDraft> _typeOrder = [];
    private readonly Dictionary<string, TypeDraft> _types = new(StringComparer.Ordinal);
    private readonly List<DirectiveDraft> _directives = [];
    private readonly List<string> _errors = [];
    private readonly List<TypeSystemExtensionNode> _extensions = [];
    private readonly List<Action<List<string>>> _bindings = [];
    private string? _description;
    private string? _queryTypeName;
    private string? _mutationTypeName;
    private string? _subscriptionTypeName;
    private bool _hasSchemaDefinition;

    /// <summary>Sets the schema's description.</summary>
    public SchemaBuilder Description(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Configures the query root type (named <c>Query</c> unless <see cref="RootTypes"/> says otherwise).</summary>
    public SchemaBuilder Query(Action<ObjectTypeBuilder> configure) => Type(_queryTypeName ?? "Query", configure);

    /// <summary>Configures the mutation root type (named <c>Mutation</c> unless <see cref="RootTypes"/> says otherwise).</summary>
    public SchemaBuilder Mutation(Action<ObjectTypeBuilder> configure) => Type(_mutationTypeName ?? "Mutation", configure);

    /// <summary>Configures the subscription root type (named <c>Subscription</c> unless <see cref="RootTypes"/> says otherwise).</summary>
    public SchemaBuilder Subscription(Action<ObjectTypeBuilder> configure) => Type(_subscriptionTypeName ?? "Subscription", configure);

    /// <summary>Names the root operation types explicitly (by default <c>Query</c>, <c>Mutation</c> and <c>Subscription</c> when defined).</summary>
    public SchemaBuilder RootTypes(string query, string? mutation = null, string? subscription = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        _queryTypeName = query;
        _mutationTypeName = mutation;
        _subscriptionTypeName = subscription;
        return this;
    }

    /// <summary>Defines or extends an object type.</summary>
    public SchemaBuilder Type(string name, Action<ObjectTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new ObjectTypeBuilder(this, GetOrAdd(name, TypeKind.Object, () => new ComplexDraft(name, TypeKind.Object))));
        return this;
    }

    /// <summary>Defines or extends an object type bound to the CLR type <typeparamref name="T"/>.</summary>
    public SchemaBuilder Type<T>(string name, Action<ObjectTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Type(name, t => configure(t.ClrType<T>()));
    }

    /// <summary>Defines or extends an interface type.</summary>
    public SchemaBuilder Interface(string name, Action<InterfaceTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new InterfaceTypeBuilder(this, GetOrAdd(name, TypeKind.Interface, () => new ComplexDraft(name, TypeKind.Interface))));
        return this;
    }

    /// <summary>Defines or extends a union type.</summary>
    public SchemaBuilder Union(string name, Action<UnionTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new UnionTypeBuilder(GetOrAdd(name, TypeKind.Union, () => new UnionDraft(name))));
        return this;
    }

    /// <summary>Defines or extends a union type of the given members.</summary>
    public SchemaBuilder Union(string name, params string[] members) => Union(name, u => u.Types(members));

    /// <summary>Defines or extends an enum type.</summary>
    public SchemaBuilder Enum(string name, Action<EnumTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new EnumTypeBuilder(GetOrAdd(name, TypeKind.Enum, () => new EnumDraft(name))));
        return this;
    }

    /// <summary>
    /// Defines an enum type from a CLR enum: each member becomes a value named in
    /// <c>UPPER_SNAKE_CASE</c> (<c>InProgress</c> → <c>IN_PROGRESS</c>) whose internal value is the member.
    /// </summary>
    public SchemaBuilder Enum<TEnum>(string? name = null, Action<EnumTypeBuilder>? configure = null)
        where TEnum : struct, Enum
    {
        return Enum(name ?? typeof(TEnum).Name, e =>
        {
            foreach (var member in System.Enum.GetValues<TEnum>())
            {
                e.Value(EnumValueName(member.ToString()), member);
            }
            configure?.Invoke(e);
        });
    }

    /// <summary>Defines or extends an input object type.</summary>
    public SchemaBuilder InputObject(string name, Action<InputObjectTypeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new InputObjectTypeBuilder(this, GetOrAdd(name, TypeKind.InputObject, () => new InputObjectDraft(name))));
        return this;
    }

    /// <summary>
    /// Adds a custom scalar, or supplies the implementation of a scalar declared in SDL with the same name
    /// (e.g. <see cref="ScalarType.DateTime"/> for <c>scalar DateTime</c>).
    /// </summary>
    public SchemaBuilder Scalar(ScalarType scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (scalar.IsBuiltIn)
        {
            return this;
        }
        var draft = GetOrAdd(scalar.Name, TypeKind.Scalar, () => new ScalarDraft(scalar.Name));
        draft.Implementation = scalar;
        return this;
    }

    /// <summary>Defines a custom directive.</summary>
    public SchemaBuilder Directive(string name, Action<DirectiveBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var draft = _directives.Find(d => d.Name == name);
        if (draft is null)
        {
            draft = new DirectiveDraft(name);
            _directives.Add(draft);
        }
        configure(new DirectiveBuilder(draft));
        return this;
    }

    /// <summary>Binds a synchronous resolver to a field by its coordinate, e.g. <c>"Query.user"</c>.</summary>
    public SchemaBuilder Resolve(string coordinate, Func<IResolverContext, object?> resolve) =>
        BindField(coordinate, f => f.Resolver = ResolverAdapters.FromSync(resolve));

    /// <summary>Binds an asynchronous resolver to a field by its coordinate.</summary>
    [OverloadResolutionPriority(1)]
    public SchemaBuilder Resolve<T>(string coordinate, Func<IResolverContext, Task<T>> resolve) =>
        BindField(coordinate, f => f.Resolver = ResolverAdapters.FromTask(resolve));

    /// <summary>Binds an asynchronous resolver to a field by its coordinate.</summary>
    public SchemaBuilder Resolve<T>(string coordinate, Func<IResolverContext, ValueTask<T>> resolve) =>
        BindField(coordinate, f => f.Resolver = ResolverAdapters.FromValueTask(resolve));

    /// <summary>Binds a resolver in its native shape to a field by its coordinate.</summary>
    public SchemaBuilder Resolver(string coordinate, FieldResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return BindField(coordinate, f => f.Resolver = resolver);
    }

    /// <summary>Binds the source event stream of a subscription field by its coordinate, e.g. <c>"Subscription.caseOpened"</c>.</summary>
    public SchemaBuilder Subscribe<T>(string coordinate, Func<IResolverContext, IAsyncEnumerable<T>> subscribe) =>
        BindField(coordinate, f => f.Subscriber = ResolverAdapters.FromStream(subscribe));

    /// <summary>Binds the source event stream of a subscription field, created asynchronously.</summary>
    public SchemaBuilder Subscribe<T>(string coordinate, Func<IResolverContext, Task<IAsyncEnumerable<T>>> subscribe) =>
        BindField(coordinate, f => f.Subscriber = ResolverAdapters.FromStreamTask(subscribe));

    /// <summary>Binds a type resolver to an interface or union by name.</summary>
    public SchemaBuilder ResolveType(string abstractTypeName, Func<object, string?> resolveType)
    {
        ArgumentNullException.ThrowIfNull(abstractTypeName);
        ArgumentNullException.ThrowIfNull(resolveType);
        _bindings.Add(errors =>
        {
            TypeResolver resolver = (value, _) => resolveType(value);
            switch (_types.GetValueOrDefault(abstractTypeName))
            {
                case ComplexDraft { Kind: TypeKind.Interface } complex: complex.ResolveType = resolver; break;
                case UnionDraft union: union.ResolveType = resolver; break;
                default: errors.Add($"Cannot bind a type resolver to \"{abstractTypeName}\": there is no interface or union with that name."); break;
            }
        });
        return this;
    }

    /// <summary>Binds an <c>IsTypeOf</c> check to an object type by name.</summary>
    public SchemaBuilder IsTypeOf(string objectTypeName, Func<object, bool> isTypeOf)
    {
        ArgumentNullException.ThrowIfNull(isTypeOf);
        return BindObject(objectTypeName, d => d.IsTypeOf = isTypeOf);
    }

    /// <summary>Binds a CLR type to an object type by name, for resolving interfaces and unions.</summary>
    public SchemaBuilder BindClrType<T>(string objectTypeName) => BindClrType(objectTypeName, typeof(T));

    /// <summary>Binds a CLR type to an object type by name, for resolving interfaces and unions.</summary>
    public SchemaBuilder BindClrType(string objectTypeName, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        return BindObject(objectTypeName, d => d.ClrType = clrType);
    }

    /// <summary>
    /// Binds a CLR enum to an enum type by name: values whose names match a member's
    /// <c>UPPER_SNAKE_CASE</c> or exact name take the member as their internal value.
    /// </summary>
    public SchemaBuilder BindEnum<TEnum>(string enumTypeName)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(enumTypeName);
        _bindings.Add(errors =>
        {
            if (_types.GetValueOrDefault(enumTypeName) is not EnumDraft draft)
            {
                errors.Add($"Cannot bind {typeof(TEnum).Name} to \"{enumTypeName}\": there is no enum type with that name.");
                return;
            }
            foreach (var member in System.Enum.GetValues<TEnum>())
            {
                var text = member.ToString();
                var value = draft.Values.Find(v => v.Name == EnumValueName(text) || v.Name == text);
                if (value is null)
                {
                    errors.Add($"Cannot bind {typeof(TEnum).Name}.{text} to enum \"{enumTypeName}\": it has no value {EnumValueName(text)}.");
                    continue;
                }
                value.Value = member;
            }
        });
        return this;
    }

    internal TypeNode Reference(GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.NamedType() is ScalarType scalar && !scalar.IsBuiltIn)
        {
            Scalar(scalar);
        }
        return TypeReference.FromType(type);
    }

    /// <summary>The conventional GraphQL name of a CLR enum member: <c>InProgress</c> → <c>IN_PROGRESS</c>.</summary>
    public static string EnumValueName(string memberName)
    {
        ArgumentNullException.ThrowIfNull(memberName);
        var builder = new StringBuilder(memberName.Length + 4);
        for (var i = 0; i < memberName.Length; i++)
        {
            var c = memberName[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(memberName[i - 1]) || (i + 1 < memberName.Length && char.IsLower(memberName[i + 1]) && char.IsUpper(memberName[i - 1]))))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    private SchemaBuilder BindField(string coordinate, Action<FieldDraft> bind)
    {
        ArgumentNullException.ThrowIfNull(coordinate);
        var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == coordinate.Length - 1)
        {
            throw new ArgumentException($"\"{coordinate}\" is not a field coordinate; expected \"Type.field\".", nameof(coordinate));
        }
        var typeName = coordinate[..dot];
        var fieldName = coordinate[(dot + 1)..];
        _bindings.Add(errors =>
        {
            var field = (_types.GetValueOrDefault(typeName) as ComplexDraft)?.FindField(fieldName);
            if (field is null)
            {
                errors.Add($"Cannot bind a resolver to \"{coordinate}\": the field does not exist.");
                return;
            }
            bind(field);
        });
        return this;
    }

    private SchemaBuilder BindObject(string objectTypeName, Action<ComplexDraft> bind)
    {
        ArgumentNullException.ThrowIfNull(objectTypeName);
        _bindings.Add(errors =>
        {
            if (_types.GetValueOrDefault(objectTypeName) is ComplexDraft { Kind: TypeKind.Object } draft)
            {
                bind(draft);
            }
            else
            {
                errors.Add($"Cannot bind to \"{objectTypeName}\": there is no object type with that name.");
            }
        });
        return this;
    }

    private T GetOrAdd<T>(string name, TypeKind kind, Func<T> create)
        where T : TypeDraft
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_types.TryGetValue(name, out var existing))
        {
            return existing as T is { } same && same.Kind == kind
                ? same
                : throw new InvalidOperationException($"\"{name}\" is already defined as {Article(existing.KindName)}; it cannot also be {Article(DraftKindName(kind))}.");
        }
        var draft = create();
        _types[name] = draft;
        _typeOrder.Add(draft);
        return draft;
    }

    private static string DraftKindName(TypeKind kind) => kind switch
    {
        TypeKind.Scalar => "scalar",
        TypeKind.Object => "object type",
        TypeKind.Interface => "interface",
        TypeKind.Union => "union",
        TypeKind.Enum => "enum",
        _ => "input object type",
    };

    private static string Article(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;
}
