using System.Collections.Concurrent;
using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

/// <summary>
/// An immutable, validated GraphQL schema: its types (including the built-in scalars it uses and
/// the introspection types), directives and root operation types. Build one with
/// <see cref="SchemaBuilder"/>.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, ObjectType[]> _possibleTypes;
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes;

    internal Schema(
        string? description,
        ObjectType queryType,
        ObjectType? mutationType,
        ObjectType? subscriptionType,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        Introspection introspection)
    {
        Description = description;
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        Types = types;
        Directives = directives;
        Introspection = introspection;
        _types = new Dictionary<string, NamedType>(types.Count, StringComparer.Ordinal);
        foreach (var type in types)
        {
            _types[type.Name] = type;
        }
        _directives = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            _directives[directive.Name] = directive;
        }
        _possibleTypes = [];
        _subTypes = [];
        foreach (var type in types)
        {
            switch (type)
            {
                case UnionType union:
                    _possibleTypes[union] = [.. union.Types];
                    _subTypes[union] = [.. union.Types];
                    break;
                case InterfaceType:
                    _possibleTypes[type] = [];
                    _subTypes[type] = [];
                    break;
            }
        }
        var implementations = new Dictionary<NamedType, List<ObjectType>>();
        foreach (var type in types)
        {
            if (type is ComplexType complex)
            {
                foreach (var implemented in complex.Interfaces)
                {
                    if (!_subTypes.TryGetValue(implemented, out var set))
                    {
                        continue;
                    }
                    set.Add(complex);
                    if (complex is ObjectType obj)
                    {
                        if (!implementations.TryGetValue(implemented, out var list))
                        {
                            implementations[implemented] = list = [];
                        }
                        list.Add(obj);
                    }
                }
            }
        }
        foreach (var (type, list) in implementations)
        {
            _possibleTypes[type] = [.. list];
        }
    }

    /// <summary>The schema's description.</summary>
    public string? Description { get; }

    /// <summary>The root type of query operations.</summary>
    public ObjectType QueryType { get; }

    /// <summary>The root type of mutation operations, if the schema supports them.</summary>
    public ObjectType? MutationType { get; }

    /// <summary>The root type of subscription operations, if the schema supports them.</summary>
    public ObjectType? SubscriptionType { get; }

    /// <summary>All named types: the schema's own, the built-in scalars it references and the introspection types.</summary>
    public IReadOnlyList<NamedType> Types { get; }

    /// <summary>All directives: the built-in ones followed by custom ones.</summary>
    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>The object type of CLR values of interfaces and unions, found once per CLR type.</summary>
    internal ConcurrentDictionary<(NamedType, Type), ObjectType?> RuntimeTypeCache { get; } = new();

    /// <summary>The introspection types and meta-fields of this schema.</summary>
    internal Introspection Introspection { get; }

    /// <summary>The type with the given name, or <see langword="null"/>.</summary>
    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    /// <summary>The directive with the given name (without <c>@</c>), or <see langword="null"/>.</summary>
    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The root type of an operation type, or <see langword="null"/> when the schema does not support it.</summary>
    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        OperationType.Subscription => SubscriptionType,
        _ => null,
    };

    /// <summary>The object types a value of an interface or union type can have; empty for other types.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) =>
        _possibleTypes.TryGetValue(abstractType, out var types) ? types : [];

    /// <summary>Whether <paramref name="objectType"/> is a possible type of <paramref name="abstractType"/>.</summary>
    public bool IsPossibleType(NamedType abstractType, ObjectType objectType) =>
        _subTypes.TryGetValue(abstractType, out var set) && set.Contains(objectType);

    /// <summary>
    /// Whether <paramref name="maybeSubType"/> is a member of the union or an implementation
    /// (object or interface) of the interface <paramref name="abstractType"/>.
    /// </summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) =>
        _subTypes.TryGetValue(abstractType, out var set) && set.Contains(maybeSubType);

    /// <summary>
    /// The definition of a field selected on <paramref name="parentType"/>, including the
    /// meta-fields <c>__typename</c> (on every composite type) and <c>__schema</c>/<c>__type</c>
    /// (on the query root type); <see langword="null"/> when there is no such field.
    /// </summary>
    public FieldDefinition? GetFieldDefinition(NamedType parentType, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(parentType);
        ArgumentNullException.ThrowIfNull(fieldName);
        if (fieldName.Length > 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == "__typename" && parentType.IsCompositeType())
            {
                return Introspection.TypeNameField;
            }
            if (ReferenceEquals(parentType, QueryType))
            {
                if (fieldName == "__schema")
                {
                    return Introspection.SchemaField;
                }
                if (fieldName == "__type")
                {
                    return Introspection.TypeField;
                }
            }
        }
        return parentType is ComplexType complex ? complex.Fields[fieldName] : null;
    }

    /// <summary>The schema in SDL, printed like the reference implementation's <c>printSchema</c>.</summary>
    public override string ToString() => SchemaPrinter.Print(this);
}
