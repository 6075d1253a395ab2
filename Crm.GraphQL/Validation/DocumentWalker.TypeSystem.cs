using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation;

internal sealed partial class DocumentWalker
{
    /// <summary>
    /// Type-system definitions are not executable, but their directives and type references are
    /// still checked against the schema so that every problem is reported at once.
    /// </summary>
    private void WalkTypeSystemDefinition(TypeSystemDefinitionNode definition)
    {
        context.InTypeSystemDefinition = true;
        foreach (var visitor in visitors)
        {
            visitor.EnterTypeSystemDefinition(definition);
        }
        switch (definition)
        {
            case SchemaDefinitionNode schema:
                WalkDirectives(schema.Directives, DirectiveLocation.Schema);
                WalkOperationTypes(schema.OperationTypes);
                break;
            case SchemaExtensionNode schema:
                WalkDirectives(schema.Directives, DirectiveLocation.Schema);
                WalkOperationTypes(schema.OperationTypes);
                break;
            case ScalarTypeDefinitionNode or ScalarTypeExtensionNode:
                WalkDirectives(DirectivesOf(definition), DirectiveLocation.Scalar);
                break;
            case ObjectTypeDefinitionNode type:
                WalkComplexType(type.Interfaces, type.Directives, DirectiveLocation.Object, type.Fields);
                break;
            case ObjectTypeExtensionNode type:
                WalkComplexType(type.Interfaces, type.Directives, DirectiveLocation.Object, type.Fields);
                break;
            case InterfaceTypeDefinitionNode type:
                WalkComplexType(type.Interfaces, type.Directives, DirectiveLocation.Interface, type.Fields);
                break;
            case InterfaceTypeExtensionNode type:
                WalkComplexType(type.Interfaces, type.Directives, DirectiveLocation.Interface, type.Fields);
                break;
            case UnionTypeDefinitionNode union:
                WalkDirectives(union.Directives, DirectiveLocation.Union);
                WalkNamedTypes(union.Types);
                break;
            case UnionTypeExtensionNode union:
                WalkDirectives(union.Directives, DirectiveLocation.Union);
                WalkNamedTypes(union.Types);
                break;
            case EnumTypeDefinitionNode enumType:
                WalkEnumType(enumType.Directives, enumType.Values);
                break;
            case EnumTypeExtensionNode enumType:
                WalkEnumType(enumType.Directives, enumType.Values);
                break;
            case InputObjectTypeDefinitionNode input:
                WalkDirectives(input.Directives, DirectiveLocation.InputObject);
                WalkInputValueDefinitions(input.Fields, DirectiveLocation.InputFieldDefinition);
                break;
            case InputObjectTypeExtensionNode input:
                WalkDirectives(input.Directives, DirectiveLocation.InputObject);
                WalkInputValueDefinitions(input.Fields, DirectiveLocation.InputFieldDefinition);
                break;
            case DirectiveDefinitionNode directive:
                WalkInputValueDefinitions(directive.Arguments, DirectiveLocation.ArgumentDefinition);
                break;
            default:
                break;
        }
        context.InTypeSystemDefinition = false;
    }

    private static IReadOnlyList<DirectiveNode> DirectivesOf(TypeSystemDefinitionNode definition) => definition switch
    {
        TypeDefinitionNode type => type.Directives,
        TypeExtensionNode extension => extension.Directives,
        _ => [],
    };

    private void WalkOperationTypes(IReadOnlyList<OperationTypeDefinitionNode> operationTypes)
    {
        foreach (var operationType in operationTypes)
        {
            WalkNamedType(operationType.Type);
        }
    }

    private void WalkComplexType(
        IReadOnlyList<NamedTypeNode> interfaces,
        IReadOnlyList<DirectiveNode> directives,
        DirectiveLocation location,
        IReadOnlyList<FieldDefinitionNode> fields)
    {
        WalkNamedTypes(interfaces);
        WalkDirectives(directives, location);
        foreach (var field in fields)
        {
            WalkInputValueDefinitions(field.Arguments, DirectiveLocation.ArgumentDefinition);
            WalkTypeReference(field.Type);
            WalkDirectives(field.Directives, DirectiveLocation.FieldDefinition);
        }
    }

    private void WalkEnumType(IReadOnlyList<DirectiveNode> directives, IReadOnlyList<EnumValueDefinitionNode> values)
    {
        WalkDirectives(directives, DirectiveLocation.Enum);
        foreach (var value in values)
        {
            WalkDirectives(value.Directives, DirectiveLocation.EnumValue);
        }
    }

    private void WalkInputValueDefinitions(IReadOnlyList<InputValueDefinitionNode> values, DirectiveLocation location)
    {
        foreach (var value in values)
        {
            WalkTypeReference(value.Type);
            WalkDirectives(value.Directives, location);
        }
    }

    private void WalkNamedTypes(IReadOnlyList<NamedTypeNode> types)
    {
        foreach (var type in types)
        {
            WalkNamedType(type);
        }
    }
}
