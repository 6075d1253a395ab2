using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Directives Are Unique Per Location: a directive that is not repeatable appears at most once per location.</summary>
public sealed class DirectivesAreUniquePerLocationRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterOperation(OperationDefinitionNode node) => Check(node.Directives);

        public override void EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives);

        public override void EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives);

        public override void EnterField(FieldNode node) => Check(node.Directives);

        public override void EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives);

        public override void EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives);

        public override void EnterTypeSystemDefinition(TypeSystemDefinitionNode node)
        {
            switch (node)
            {
                case SchemaDefinitionNode schema:
                    Check(schema.Directives);
                    break;
                case SchemaExtensionNode schema:
                    Check(schema.Directives);
                    break;
                case TypeDefinitionNode type:
                    Check(type.Directives);
                    CheckMembers(type);
                    break;
                case TypeExtensionNode extension:
                    Check(extension.Directives);
                    CheckMembers(extension);
                    break;
                case DirectiveDefinitionNode directive:
                    CheckArguments(directive.Arguments);
                    break;
                default:
                    break;
            }
        }

        private void CheckMembers(TypeSystemDefinitionNode type)
        {
            switch (type)
            {
                case ObjectTypeDefinitionNode t:
                    CheckFields(t.Fields);
                    break;
                case ObjectTypeExtensionNode t:
                    CheckFields(t.Fields);
                    break;
                case InterfaceTypeDefinitionNode t:
                    CheckFields(t.Fields);
                    break;
                case InterfaceTypeExtensionNode t:
                    CheckFields(t.Fields);
                    break;
                case EnumTypeDefinitionNode t:
                    CheckEnumValues(t.Values);
                    break;
                case EnumTypeExtensionNode t:
                    CheckEnumValues(t.Values);
                    break;
                case InputObjectTypeDefinitionNode t:
                    CheckArguments(t.Fields);
                    break;
                case InputObjectTypeExtensionNode t:
                    CheckArguments(t.Fields);
                    break;
                default:
                    break;
            }
        }

        private void CheckFields(IReadOnlyList<FieldDefinitionNode> fields)
        {
            foreach (var field in fields)
            {
                Check(field.Directives);
                CheckArguments(field.Arguments);
            }
        }

        private void CheckEnumValues(IReadOnlyList<EnumValueDefinitionNode> values)
        {
            foreach (var value in values)
            {
                Check(value.Directives);
            }
        }

        private void CheckArguments(IReadOnlyList<InputValueDefinitionNode> values)
        {
            foreach (var value in values)
            {
                Check(value.Directives);
            }
        }

        private void Check(IReadOnlyList<DirectiveNode> directives)
        {
            if (directives.Count < 2)
            {
                return;
            }
            var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                // Unknown directives are Directives Are Defined's to report.
                if (context.Schema.GetDirective(name) is not { IsRepeatable: false })
                {
                    continue;
                }
                if (seen.TryGetValue(name, out var first))
                {
                    context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }
        }
    }
}
