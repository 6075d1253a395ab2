using Crm.GraphQL.Language;
using Crm.GraphQL.Types;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// Field Selections: every selected field is defined on the type it is selected on. The error
/// suggests fragments on possible types that have the field, or similarly named fields.
/// </summary>
public sealed class FieldSelectionsRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void EnterField(FieldNode node)
        {
            if (context.ParentType is not { } parentType || context.FieldDefinition is not null)
            {
                return;
            }
            var fieldName = node.Name.Value;
            var suggestion = Suggestions.DidYouMean(SuggestedTypeNames(parentType, fieldName), "to use an inline fragment on");
            if (suggestion.Length == 0 && parentType is ComplexType complex)
            {
                suggestion = Suggestions.DidYouMean(Suggestions.Rank(fieldName, complex.Fields.Select(f => f.Name)));
            }
            context.ReportError($"Cannot query field \"{fieldName}\" on type \"{parentType.Name}\"." + suggestion, node);
        }

        /// <summary>
        /// For an abstract type: the possible types and their interfaces that define the field,
        /// the most widely shared first, interfaces before the types implementing them.
        /// </summary>
        private List<string> SuggestedTypeNames(NamedType type, string fieldName)
        {
            if (!type.IsAbstractType())
            {
                return [];
            }
            var schema = context.Schema;
            var usage = new Dictionary<ComplexType, int>();
            var order = new List<ComplexType>();
            foreach (var possible in schema.GetPossibleTypes(type))
            {
                if (!possible.Fields.Contains(fieldName))
                {
                    continue;
                }
                Count(possible);
                foreach (var implemented in possible.Interfaces)
                {
                    if (implemented.Fields.Contains(fieldName))
                    {
                        Count(implemented);
                    }
                }
            }
            order.Sort((a, b) =>
            {
                var byUsage = usage[b].CompareTo(usage[a]);
                if (byUsage != 0)
                {
                    return byUsage;
                }
                if (a is InterfaceType && schema.IsSubType(a, b))
                {
                    return -1;
                }
                if (b is InterfaceType && schema.IsSubType(b, a))
                {
                    return 1;
                }
                return Suggestions.NaturalCompare(a.Name, b.Name);
            });
            return order.ConvertAll(t => t.Name);

            void Count(ComplexType candidate)
            {
                if (usage.TryGetValue(candidate, out var count))
                {
                    usage[candidate] = count + 1;
                }
                else
                {
                    usage[candidate] = 1;
                    order.Add(candidate);
                }
            }
        }
    }
}
