using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation;

/// <summary>
/// Receives the nodes of a document in document order while <see cref="ValidationContext"/> tracks
/// the schema types at the current position. Override the methods a rule needs; the rest do nothing.
/// </summary>
/// <remarks>
/// Executable definitions are walked along the schema. Type-system definitions, which are not
/// executable, are walked for their directives and type references only.
/// </remarks>
public abstract class ValidationVisitor
{
    /// <summary>Before anything else.</summary>
    public virtual void EnterDocument(DocumentNode node)
    {
    }

    /// <summary>After everything else; document-wide facts (variable usages, fragment references) are complete here.</summary>
    public virtual void LeaveDocument(DocumentNode node)
    {
    }

    /// <summary>An operation; <see cref="ValidationContext.Type"/> is its root type.</summary>
    public virtual void EnterOperation(OperationDefinitionNode node)
    {
    }

    /// <summary>After an operation and everything in it.</summary>
    public virtual void LeaveOperation(OperationDefinitionNode node)
    {
    }

    /// <summary>A fragment definition; <see cref="ValidationContext.Type"/> is its type condition.</summary>
    public virtual void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    /// <summary>After a fragment definition.</summary>
    public virtual void LeaveFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    /// <summary>A variable definition; <see cref="ValidationContext.InputType"/> is the variable's type.</summary>
    public virtual void EnterVariableDefinition(VariableDefinitionNode node)
    {
    }

    /// <summary>After a variable definition.</summary>
    public virtual void LeaveVariableDefinition(VariableDefinitionNode node)
    {
    }

    /// <summary>A selection set; <see cref="ValidationContext.ParentType"/> is the type its fields are selected on.</summary>
    public virtual void EnterSelectionSet(SelectionSetNode node)
    {
    }

    /// <summary>After a selection set.</summary>
    public virtual void LeaveSelectionSet(SelectionSetNode node)
    {
    }

    /// <summary>A field; <see cref="ValidationContext.FieldDefinition"/> and <see cref="ValidationContext.Type"/> describe it.</summary>
    public virtual void EnterField(FieldNode node)
    {
    }

    /// <summary>After a field, its arguments, directives and sub-selections.</summary>
    public virtual void LeaveField(FieldNode node)
    {
    }

    /// <summary>A fragment spread.</summary>
    public virtual void EnterFragmentSpread(FragmentSpreadNode node)
    {
    }

    /// <summary>After a fragment spread and its directives.</summary>
    public virtual void LeaveFragmentSpread(FragmentSpreadNode node)
    {
    }

    /// <summary>An inline fragment; <see cref="ValidationContext.Type"/> is its type condition (or the enclosing type).</summary>
    public virtual void EnterInlineFragment(InlineFragmentNode node)
    {
    }

    /// <summary>After an inline fragment.</summary>
    public virtual void LeaveInlineFragment(InlineFragmentNode node)
    {
    }

    /// <summary>A directive; <see cref="ValidationContext.Directive"/> and <see cref="ValidationContext.DirectiveLocation"/> describe it.</summary>
    public virtual void EnterDirective(DirectiveNode node)
    {
    }

    /// <summary>After a directive and its arguments.</summary>
    public virtual void LeaveDirective(DirectiveNode node)
    {
    }

    /// <summary>An argument of a field or directive; <see cref="ValidationContext.Argument"/> is its definition.</summary>
    public virtual void EnterArgument(ArgumentNode node)
    {
    }

    /// <summary>After an argument and its value.</summary>
    public virtual void LeaveArgument(ArgumentNode node)
    {
    }

    /// <summary>Any value, lists and objects included; <see cref="ValidationContext.InputType"/> is the type expected here.</summary>
    public virtual void EnterValue(ValueNode node)
    {
    }

    /// <summary>After a value and everything inside it.</summary>
    public virtual void LeaveValue(ValueNode node)
    {
    }

    /// <summary>A field of an object value; <see cref="ValidationContext.InputType"/> is the field's type.</summary>
    public virtual void EnterObjectField(ObjectFieldNode node)
    {
    }

    /// <summary>After a field of an object value.</summary>
    public virtual void LeaveObjectField(ObjectFieldNode node)
    {
    }

    /// <summary>
    /// A type referenced by name: a type condition, a variable's type or, in type-system
    /// definitions, any type reference (<see cref="ValidationContext.InTypeSystemDefinition"/>).
    /// </summary>
    public virtual void EnterNamedType(NamedTypeNode node)
    {
    }

    /// <summary>A type-system definition or extension.</summary>
    public virtual void EnterTypeSystemDefinition(TypeSystemDefinitionNode node)
    {
    }
}
