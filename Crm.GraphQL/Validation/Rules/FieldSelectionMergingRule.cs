using Crm.GraphQL.Language;

namespace Crm.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging: fields with the same response name in a selection set (fragments
/// included) can be merged into one: same field and arguments unless their parents are distinct
/// object types, and always the same response shape. Comparisons are memoized so that documents
/// whose fragments expand exponentially are still checked in time proportional to their size.
/// </summary>
public sealed class FieldSelectionMergingRule : IValidationRule
{
    /// <inheritdoc />
    public ValidationVisitor CreateVisitor(ValidationContext context) => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationVisitor
    {
        private readonly FieldConflictFinder _finder = new(context);
        private bool _tooDeep;

        public override void EnterSelectionSet(SelectionSetNode node)
        {
            if (_tooDeep)
            {
                return;
            }
            try
            {
                _finder.ReportConflicts(node, context.ParentType);
            }
            catch (InsufficientExecutionStackException)
            {
                _tooDeep = true;
                context.ReportError("The document nests fields and fragments too deeply to check that its fields can be merged.", node);
            }
        }
    }
}
