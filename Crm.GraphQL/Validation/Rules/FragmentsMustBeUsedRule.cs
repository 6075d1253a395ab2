using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>Fragments Must Be Used: every fragment is spread, directly or indirectly, by some operation.</summary>
public sealed class FragmentsMustBeUsedRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        public override void LeaveDocument(DocumentNode node)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operation in context.Operations)
            {
                foreach (var fragment in context.GetRecursivelyReferencedFragments(operation))
                {
                    used.Add(fragment.Name.Value);
                }
            }
            foreach (var fragment in context.FragmentDefinitions)
            {
                if (!used.Contains(fragment.Name.Value))
                {
                    context.ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
                }
            }
        }
    }
}
