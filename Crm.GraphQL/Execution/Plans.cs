using System.Collections.Concurrent;
using System.Text.Json;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Execution;

/// <summary>A parsed (and validated) document, shared by every request with the same text.</summary>
internal sealed class CachedDocument
{
    private readonly ConcurrentDictionary<OperationDefinitionNode, OperationPlan> _plans = new(ReferenceEqualityComparer.Instance);

    private CachedDocument(DocumentNode? document, IReadOnlyList<GraphQLError>? errors)
    {
        Document = document;
        Errors = errors;
        if (document is null)
        {
            return;
        }
        var operations = new List<OperationDefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    operations.Add(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    Fragments.TryAdd(fragment.Name.Value, fragment);
                    break;
            }
        }
        Operations = [.. operations];
        ConditionVariables = FindConditionVariables(document);
    }

    public DocumentNode? Document { get; }

    /// <summary>Syntax or validation errors; the document cannot run when set.</summary>
    public IReadOnlyList<GraphQLError>? Errors { get; }

    public Dictionary<string, FragmentDefinitionNode> Fragments { get; } = new(StringComparer.Ordinal);

    public OperationDefinitionNode[] Operations { get; } = [];

    /// <summary>The variables that <c>@skip</c>/<c>@include</c> depend on; their values select a cached plan.</summary>
    public string[] ConditionVariables { get; } = [];

    public static CachedDocument Valid(DocumentNode document) => new(document, null);

    public static CachedDocument Invalid(IReadOnlyList<GraphQLError> errors) => new(null, errors);

    public OperationPlan GetPlan(Schema schema, OperationDefinitionNode operation, ObjectType rootType, ExecutorOptions options) =>
        _plans.GetOrAdd(operation, static (op, state) => new OperationPlan(state.Document, op, state.RootType, state.Schema, state.Options), (Document: this, RootType: rootType, Schema: schema, Options: options));

    private static string[] FindConditionVariables(DocumentNode document)
    {
        var names = new List<string>();
        void Visit(SelectionSetNode set)
        {
            foreach (var selection in set.Selections)
            {
                foreach (var directive in selection.Directives)
                {
                    if (directive.Name.Value is "skip" or "include")
                    {
                        foreach (var argument in directive.Arguments)
                        {
                            if (argument.Value is VariableNode variable && !names.Contains(variable.Name.Value))
                            {
                                names.Add(variable.Name.Value);
                            }
                        }
                    }
                }
                switch (selection)
                {
                    case FieldNode { SelectionSet: { } child }: Visit(child); break;
                    case InlineFragmentNode inline: Visit(inline.SelectionSet); break;
                }
            }
        }
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation: Visit(operation.SelectionSet); break;
                case FragmentDefinitionNode fragment: Visit(fragment.SelectionSet); break;
            }
        }
        return [.. names];
    }
}

/// <summary>An operation of a cached document with its root field plans, one per combination of <c>@skip</c>/<c>@include</c> variable values.</summary>
internal sealed class OperationPlan
{
    private readonly ConcurrentDictionary<ulong, SelectionSetPlan> _rootPlans = new();

    public OperationPlan(CachedDocument document, OperationDefinitionNode operation, ObjectType rootType, Schema schema, ExecutorOptions options)
    {
        Document = document;
        Operation = operation;
        RootType = rootType;
        Schema = schema;
        Options = options;
        Depth = DepthCalculator.Depth(operation.SelectionSet, document.Fragments);
    }

    public CachedDocument Document { get; }

    public OperationDefinitionNode Operation { get; }

    public ObjectType RootType { get; }

    public Schema Schema { get; }

    public ExecutorOptions Options { get; }

    /// <summary>The deepest field nesting of the operation (root fields are at depth 1).</summary>
    public int Depth { get; }

    /// <summary>
    /// The plan of the root selection set for the given variables. With at most 64 condition
    /// variables the plan is cached per combination of their values; otherwise it is built for the request.
    /// </summary>
    public SelectionSetPlan GetRootPlan(IReadOnlyDictionary<string, object?> variables)
    {
        var conditions = Document.ConditionVariables;
        if (conditions.Length > 64)
        {
            return FieldCollector.Collect(this, RootType, [Operation.SelectionSet], variables);
        }
        ulong mask = 0;
        for (var i = 0; i < conditions.Length; i++)
        {
            if (variables.TryGetValue(conditions[i], out var value) && value is true)
            {
                mask |= 1UL << i;
            }
        }
        if (_rootPlans.TryGetValue(mask, out var plan))
        {
            return plan;
        }
        plan = FieldCollector.Collect(this, RootType, [Operation.SelectionSet], variables);
        return _rootPlans.GetOrAdd(mask, plan);
    }
}

/// <summary>The fields to execute for one selection set on one object type, merged by response key.</summary>
internal sealed class SelectionSetPlan
{
    public SelectionSetPlan(ObjectType type, FieldPlan[] fields)
    {
        Type = type;
        Fields = fields;
        ResponseNames = new string[fields.Length];
        EncodedNames = new JsonEncodedText[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            ResponseNames[i] = fields[i].ResponseName;
            EncodedNames[i] = JsonEncodedText.Encode(fields[i].ResponseName);
        }
    }

    public ObjectType Type { get; }

    public FieldPlan[] Fields { get; }

    public string[] ResponseNames { get; }

    public JsonEncodedText[] EncodedNames { get; }
}

internal enum FieldKind
{
    /// <summary>A field with a resolver.</summary>
    Resolver,

    /// <summary>A field read from the parent value by the default resolver.</summary>
    Default,

    /// <summary><c>__typename</c>.</summary>
    TypeName,

    /// <summary><c>__schema</c> or <c>__type</c> while introspection is disabled.</summary>
    IntrospectionDisabled,
}

/// <summary>One response key of a selection set: the field, its merged nodes, its arguments when they are constant, and the plans of its sub-selections.</summary>
internal sealed class FieldPlan
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    private readonly OperationPlan _operation;
    private (ObjectType Type, SelectionSetPlan Plan)[] _children = [];

    public FieldPlan(OperationPlan operation, ObjectType parentType, string responseName, FieldDefinition field, FieldNode[] nodes)
    {
        _operation = operation;
        ParentType = parentType;
        ResponseName = responseName;
        Field = field;
        Nodes = nodes;
        IsNonNull = field.Type is NonNullType;
        var introspection = operation.Schema.Introspection;
        if (ReferenceEquals(field, introspection.TypeNameField))
        {
            Kind = FieldKind.TypeName;
        }
        else if (!operation.Options.EnableIntrospection && (ReferenceEquals(field, introspection.SchemaField) || ReferenceEquals(field, introspection.TypeField)))
        {
            Kind = FieldKind.IntrospectionDisabled;
        }
        else
        {
            Kind = field.Resolver is null ? FieldKind.Default : FieldKind.Resolver;
        }
        var locations = new List<ErrorLocation>(nodes.Length);
        foreach (var node in nodes)
        {
            if (node.Location is { } location)
            {
                locations.Add(new ErrorLocation(location.Line, location.Column));
            }
        }
        Locations = locations;
        if (field.Arguments.Count == 0)
        {
            StaticArguments = NoArguments;
        }
        else if (!UsesVariables(nodes[0].Arguments))
        {
            try
            {
                // Shared by every request that uses this plan, so resolvers must not be able to change it.
                StaticArguments = new System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>(
                    new Dictionary<string, object?>(ArgumentCoercion.Coerce(field, nodes[0].Arguments, variables: null), StringComparer.Ordinal));
            }
            catch (CoercionException)
            {
                // Leave it to each request, which reports the error with the field's path.
                StaticArguments = null;
            }
        }
    }

    public ObjectType ParentType { get; }

    public string ResponseName { get; }

    public FieldDefinition Field { get; }

    public FieldNode[] Nodes { get; }

    public FieldKind Kind { get; }

    public bool IsNonNull { get; }

    /// <summary>The coerced arguments when they do not depend on variables; otherwise null and coerced per request.</summary>
    public IReadOnlyDictionary<string, object?>? StaticArguments { get; }

    public IReadOnlyList<ErrorLocation> Locations { get; }

    public SelectionSetPlan GetChildPlan(ObjectType type, IReadOnlyDictionary<string, object?> variables)
    {
        var children = Volatile.Read(ref _children);
        foreach (var (childType, plan) in children)
        {
            if (ReferenceEquals(childType, type))
            {
                return plan;
            }
        }
        var sets = new List<SelectionSetNode>(Nodes.Length);
        foreach (var node in Nodes)
        {
            if (node.SelectionSet is { } set)
            {
                sets.Add(set);
            }
        }
        var created = FieldCollector.Collect(_operation, type, sets, variables);
        // Copy-on-write: readers never lock; a lost race only builds the same plan twice.
        while (true)
        {
            var current = Volatile.Read(ref _children);
            foreach (var (childType, plan) in current)
            {
                if (ReferenceEquals(childType, type))
                {
                    return plan;
                }
            }
            var next = new (ObjectType, SelectionSetPlan)[current.Length + 1];
            current.CopyTo(next, 0);
            next[^1] = (type, created);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _children, next, current), current))
            {
                return created;
            }
        }
    }

    private static bool UsesVariables(IReadOnlyList<ArgumentNode> arguments)
    {
        foreach (var argument in arguments)
        {
            if (ContainsVariable(argument.Value))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ContainsVariable(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(ContainsVariable),
        ObjectValueNode obj => obj.Fields.Any(f => ContainsVariable(f.Value)),
        _ => false,
    };
}
