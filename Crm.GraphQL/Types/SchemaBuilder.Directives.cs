using Crm.GraphQL.Language;

namespace Crm.GraphQL.Types;

public sealed partial class SchemaBuilder
{
    /// <summary>Checks the directives applied in SDL: defined, allowed at their location, not repeated unless repeatable, with valid arguments.</summary>
    private void CheckAppliedDirectives(Schema schema, List<string> errors)
    {
        foreach (var draft in _typeOrder)
        {
            Check(draft.Directives, draft.Kind switch
            {
                TypeKind.Scalar => DirectiveLocation.Scalar,
                TypeKind.Object => DirectiveLocation.Object,
                TypeKind.Interface => DirectiveLocation.Interface,
                TypeKind.Union => DirectiveLocation.Union,
                TypeKind.Enum => DirectiveLocation.Enum,
                _ => DirectiveLocation.InputObject,
            });
            switch (draft)
            {
                case ComplexDraft complex:
                    foreach (var field in complex.Fields)
                    {
                        Check(field.Directives, DirectiveLocation.FieldDefinition);
                        foreach (var argument in field.Arguments)
                        {
                            Check(argument.Directives, DirectiveLocation.ArgumentDefinition);
                        }
                    }
                    break;
                case EnumDraft enumDraft:
                    foreach (var value in enumDraft.Values)
                    {
                        Check(value.Directives, DirectiveLocation.EnumValue);
                    }
                    break;
                case InputObjectDraft input:
                    foreach (var field in input.Fields)
                    {
                        Check(field.Directives, DirectiveLocation.InputFieldDefinition);
                    }
                    break;
            }
        }
        foreach (var directive in _directives)
        {
            foreach (var argument in directive.Arguments)
            {
                Check(argument.Directives, DirectiveLocation.ArgumentDefinition);
            }
        }

        void Check(List<DirectiveNode> applied, DirectiveLocation location)
        {
            if (applied.Count == 0)
            {
                return;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in applied)
            {
                var name = node.Name.Value;
                var definition = schema.GetDirective(name);
                if (definition is null)
                {
                    errors.Add($"Unknown directive \"@{name}\"{At(node.Location)}.");
                    continue;
                }
                if (!definition.Locations.Contains(location))
                {
                    errors.Add($"Directive \"@{name}\" may not be used on {location.ToSdlName()}{At(node.Location)}.");
                }
                if (!definition.IsRepeatable && !seen.Add(name))
                {
                    errors.Add($"The directive \"@{name}\" can only be used once at this location{At(node.Location)}.");
                }
                foreach (var argument in node.Arguments)
                {
                    var argumentDefinition = definition.Arguments[argument.Name.Value];
                    if (argumentDefinition is null)
                    {
                        errors.Add($"Unknown argument \"{argument.Name.Value}\" on directive \"@{name}\"{At(argument.Location)}.");
                    }
                    else if (!ValueCoercion.IsValidLiteral(argument.Value, argumentDefinition.Type, out var error) || argument.Value is VariableNode)
                    {
                        errors.Add($"Invalid value for argument \"{argument.Name.Value}\" of \"@{name}\": {error ?? "variables are not allowed in a schema"}{At(argument.Location)}.");
                    }
                }
                foreach (var argumentDefinition in definition.Arguments)
                {
                    if (argumentDefinition.Type is NonNullType && !argumentDefinition.HasDefaultValue
                        && !node.Arguments.Any(a => a.Name.Value == argumentDefinition.Name))
                    {
                        errors.Add($"Directive \"@{name}\" argument \"{argumentDefinition.Name}\" of type \"{argumentDefinition.Type}\" is required, but it was not provided{At(node.Location)}.");
                    }
                }
            }
        }
    }
}
