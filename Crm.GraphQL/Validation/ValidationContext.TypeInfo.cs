using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation;

public sealed partial class ValidationContext
{
    private readonly List<NamedType?> _parentTypes = [];
    private readonly List<GraphQLType?> _types = [];
    private readonly List<FieldDefinition?> _fieldDefinitions = [];
    private readonly List<InputPosition> _inputs = [];

    /// <summary>The composite type whose fields the current selection set selects, or <see langword="null"/> when unknown.</summary>
    public NamedType? ParentType => _parentTypes.Count > 0 ? _parentTypes[^1] : null;

    /// <summary>
    /// The output type at the current position: the current field's type, a fragment's type
    /// condition or an operation's root type; <see langword="null"/> when unknown.
    /// </summary>
    public GraphQLType? Type => _types.Count > 0 ? _types[^1] : null;

    /// <summary>The definition of the current field, or <see langword="null"/> when unknown.</summary>
    public FieldDefinition? FieldDefinition => _fieldDefinitions.Count > 0 ? _fieldDefinitions[^1] : null;

    /// <summary>The definition of the current directive, or <see langword="null"/> outside directives or when unknown.</summary>
    public DirectiveDefinition? Directive { get; private set; }

    /// <summary>Where the current directive is used (its location kind), or <see langword="null"/> outside directives.</summary>
    public DirectiveLocation? DirectiveLocation { get; private set; }

    /// <summary>The definition of the current argument, or <see langword="null"/> outside arguments or when unknown.</summary>
    public ArgumentDefinition? Argument { get; private set; }

    /// <summary>The input type expected at the current value, or <see langword="null"/> when unknown.</summary>
    public GraphQLType? InputType => _inputs.Count > 0 ? _inputs[^1].Type : null;

    /// <summary>The input type expected for the list or object value that contains the current value, if any.</summary>
    public GraphQLType? ParentInputType => _inputs.Count > 1 && _inputs[^1].Kind != InputKind.Value ? _inputs[^2].Type : null;

    /// <summary>
    /// The argument or input field definition whose value is being visited; <see langword="null"/>
    /// for list items and where the definition is unknown.
    /// </summary>
    public InputValueDefinition? InputValueDefinition => _inputs.Count > 0 ? _inputs[^1].Definition : null;

    /// <summary>Whether the walk is inside a type-system definition (schema definition language).</summary>
    public bool InTypeSystemDefinition { get; internal set; }

    internal void PushParentType(NamedType? type) => _parentTypes.Add(type);

    internal void PopParentType() => _parentTypes.RemoveAt(_parentTypes.Count - 1);

    internal void PushType(GraphQLType? type) => _types.Add(type);

    internal void PopType() => _types.RemoveAt(_types.Count - 1);

    internal void PushField(FieldDefinition? definition) => _fieldDefinitions.Add(definition);

    internal void PopField() => _fieldDefinitions.RemoveAt(_fieldDefinitions.Count - 1);

    internal void EnterDirectiveScope(DirectiveDefinition? directive, DirectiveLocation location)
    {
        Directive = directive;
        DirectiveLocation = location;
    }

    internal void LeaveDirectiveScope()
    {
        Directive = null;
        DirectiveLocation = null;
    }

    internal void SetArgument(ArgumentDefinition? argument) => Argument = argument;

    /// <summary>Enters an argument's value or a variable's default value: a value not inside a list or object.</summary>
    internal void PushInput(GraphQLType? type, InputValueDefinition? definition) => PushInput(type, definition, InputKind.Value);

    /// <summary>Enters an item of a list value.</summary>
    internal void PushListItem(GraphQLType? type) => PushInput(type, null, InputKind.ListItem);

    /// <summary>Enters the value of a field of an object value.</summary>
    internal void PushObjectField(GraphQLType? type, InputValueDefinition? definition) => PushInput(type, definition, InputKind.ObjectField);

    internal void PopInput() => _inputs.RemoveAt(_inputs.Count - 1);

    /// <summary>The output type a type reference denotes, or <see langword="null"/> when unknown or not an output type.</summary>
    internal GraphQLType? OutputTypeFrom(TypeNode node) =>
        Schema.TypeFromAst(node) is { } type && type.IsOutputType() ? type : null;

    private void PushInput(GraphQLType? type, InputValueDefinition? definition, InputKind kind) =>
        _inputs.Add(new InputPosition(type is not null && type.IsInputType() ? type : null, definition, kind));

    private enum InputKind
    {
        Value,
        ListItem,
        ObjectField,
    }

    private readonly record struct InputPosition(GraphQLType? Type, InputValueDefinition? Definition, InputKind Kind);
}
