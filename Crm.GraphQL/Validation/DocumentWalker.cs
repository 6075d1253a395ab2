using System.Runtime.CompilerServices;
using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation;

/// <summary>
/// Walks a document once, in document order, keeping <see cref="ValidationContext"/>'s type
/// information in step and handing every node to every rule's visitor.
/// </summary>
internal sealed partial class DocumentWalker(ValidationContext context, ValidationVisitor[] visitors)
{
    private readonly Schema _schema = context.Schema;
    private bool _inVariableDefinition;

    public void Walk(DocumentNode document)
    {
        foreach (var visitor in visitors)
        {
            visitor.EnterDocument(document);
        }
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case OperationDefinitionNode operation:
                    WalkOperation(operation);
                    break;
                case FragmentDefinitionNode fragment:
                    WalkFragmentDefinition(fragment);
                    break;
                case TypeSystemDefinitionNode typeSystem:
                    WalkTypeSystemDefinition(typeSystem);
                    break;
                default:
                    break;
            }
        }
        foreach (var visitor in visitors)
        {
            visitor.LeaveDocument(document);
        }
    }

    private void WalkOperation(OperationDefinitionNode operation)
    {
        context.BeginDefinition(operation);
        context.PushType(_schema.GetRootType(operation.Operation));
        foreach (var visitor in visitors)
        {
            visitor.EnterOperation(operation);
        }
        foreach (var variable in operation.VariableDefinitions)
        {
            WalkVariableDefinition(variable);
        }
        WalkDirectives(operation.Directives, operation.Operation switch
        {
            OperationType.Mutation => DirectiveLocation.Mutation,
            OperationType.Subscription => DirectiveLocation.Subscription,
            _ => DirectiveLocation.Query,
        });
        WalkSelectionSet(operation.SelectionSet);
        foreach (var visitor in visitors)
        {
            visitor.LeaveOperation(operation);
        }
        context.PopType();
        context.EndDefinition();
    }

    private void WalkVariableDefinition(VariableDefinitionNode variable)
    {
        _inVariableDefinition = true;
        context.PushInput(_schema.TypeFromAst(variable.Type), null);
        foreach (var visitor in visitors)
        {
            visitor.EnterVariableDefinition(variable);
        }
        WalkTypeReference(variable.Type);
        if (variable.DefaultValue is { } defaultValue)
        {
            WalkValue(defaultValue);
        }
        WalkDirectives(variable.Directives, DirectiveLocation.VariableDefinition);
        foreach (var visitor in visitors)
        {
            visitor.LeaveVariableDefinition(variable);
        }
        context.PopInput();
        _inVariableDefinition = false;
    }

    private void WalkFragmentDefinition(FragmentDefinitionNode fragment)
    {
        context.BeginDefinition(fragment);
        context.PushType(context.OutputTypeFrom(fragment.TypeCondition));
        foreach (var visitor in visitors)
        {
            visitor.EnterFragmentDefinition(fragment);
        }
        WalkNamedType(fragment.TypeCondition);
        WalkDirectives(fragment.Directives, DirectiveLocation.FragmentDefinition);
        WalkSelectionSet(fragment.SelectionSet);
        foreach (var visitor in visitors)
        {
            visitor.LeaveFragmentDefinition(fragment);
        }
        context.PopType();
        context.EndDefinition();
    }

    private void WalkSelectionSet(SelectionSetNode selectionSet)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var named = context.Type?.NamedType();
        context.PushParentType(named is not null && named.IsCompositeType() ? named : null);
        foreach (var visitor in visitors)
        {
            visitor.EnterSelectionSet(selectionSet);
        }
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    WalkField(field);
                    break;
                case FragmentSpreadNode spread:
                    WalkFragmentSpread(spread);
                    break;
                case InlineFragmentNode inline:
                    WalkInlineFragment(inline);
                    break;
                default:
                    break;
            }
        }
        foreach (var visitor in visitors)
        {
            visitor.LeaveSelectionSet(selectionSet);
        }
        context.PopParentType();
    }

    private void WalkField(FieldNode field)
    {
        var parent = context.ParentType;
        var definition = parent is null ? null : _schema.GetFieldDefinition(parent, field.Name.Value);
        context.PushField(definition);
        context.PushType(definition?.Type);
        foreach (var visitor in visitors)
        {
            visitor.EnterField(field);
        }
        WalkArguments(field.Arguments, definition?.Arguments);
        WalkDirectives(field.Directives, DirectiveLocation.Field);
        if (field.SelectionSet is { } selectionSet)
        {
            WalkSelectionSet(selectionSet);
        }
        foreach (var visitor in visitors)
        {
            visitor.LeaveField(field);
        }
        context.PopType();
        context.PopField();
    }

    private void WalkFragmentSpread(FragmentSpreadNode spread)
    {
        foreach (var visitor in visitors)
        {
            visitor.EnterFragmentSpread(spread);
        }
        WalkDirectives(spread.Directives, DirectiveLocation.FragmentSpread);
        foreach (var visitor in visitors)
        {
            visitor.LeaveFragmentSpread(spread);
        }
    }

    private void WalkInlineFragment(InlineFragmentNode inline)
    {
        var type = inline.TypeCondition is { } condition
            ? context.OutputTypeFrom(condition)
            : context.Type?.NamedType();
        context.PushType(type);
        foreach (var visitor in visitors)
        {
            visitor.EnterInlineFragment(inline);
        }
        if (inline.TypeCondition is { } typeCondition)
        {
            WalkNamedType(typeCondition);
        }
        WalkDirectives(inline.Directives, DirectiveLocation.InlineFragment);
        WalkSelectionSet(inline.SelectionSet);
        foreach (var visitor in visitors)
        {
            visitor.LeaveInlineFragment(inline);
        }
        context.PopType();
    }

    private void WalkDirectives(IReadOnlyList<DirectiveNode> directives, DirectiveLocation location)
    {
        foreach (var directive in directives)
        {
            var definition = _schema.GetDirective(directive.Name.Value);
            context.EnterDirectiveScope(definition, location);
            foreach (var visitor in visitors)
            {
                visitor.EnterDirective(directive);
            }
            WalkArguments(directive.Arguments, definition?.Arguments);
            foreach (var visitor in visitors)
            {
                visitor.LeaveDirective(directive);
            }
            context.LeaveDirectiveScope();
        }
    }

    private void WalkArguments(IReadOnlyList<ArgumentNode> arguments, DefinitionCollection<ArgumentDefinition>? definitions)
    {
        foreach (var argument in arguments)
        {
            var definition = definitions?[argument.Name.Value];
            context.SetArgument(definition);
            context.PushInput(definition?.Type, definition);
            foreach (var visitor in visitors)
            {
                visitor.EnterArgument(argument);
            }
            WalkValue(argument.Value);
            foreach (var visitor in visitors)
            {
                visitor.LeaveArgument(argument);
            }
            context.PopInput();
            context.SetArgument(null);
        }
    }

    private void WalkValue(ValueNode value)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var visitor in visitors)
        {
            visitor.EnterValue(value);
        }
        switch (value)
        {
            case ListValueNode list:
                // A list where no list is expected is wrong as a whole; its items have no expected type.
                context.PushListItem(context.InputType?.NullableType() is ListType listType ? listType.OfType : null);
                foreach (var item in list.Values)
                {
                    WalkValue(item);
                }
                context.PopInput();
                break;
            case ObjectValueNode obj:
                var objectType = context.InputType?.NamedType() as InputObjectType;
                foreach (var field in obj.Fields)
                {
                    var definition = objectType?.Fields[field.Name.Value];
                    context.PushObjectField(definition?.Type, definition);
                    foreach (var visitor in visitors)
                    {
                        visitor.EnterObjectField(field);
                    }
                    WalkValue(field.Value);
                    foreach (var visitor in visitors)
                    {
                        visitor.LeaveObjectField(field);
                    }
                    context.PopInput();
                }
                break;
            case VariableNode variable:
                context.RecordVariableUsage(variable, _inVariableDefinition);
                break;
            default:
                break;
        }
        foreach (var visitor in visitors)
        {
            visitor.LeaveValue(value);
        }
    }

    private void WalkTypeReference(TypeNode type)
    {
        while (type is not NamedTypeNode)
        {
            type = type switch
            {
                ListTypeNode list => list.Type,
                NonNullTypeNode nonNull => nonNull.Type,
                _ => throw new ArgumentException($"Unknown type node {type.GetType().Name}.", nameof(type)),
            };
        }
        WalkNamedType((NamedTypeNode)type);
    }

    private void WalkNamedType(NamedTypeNode type)
    {
        foreach (var visitor in visitors)
        {
            visitor.EnterNamedType(type);
        }
    }
}
