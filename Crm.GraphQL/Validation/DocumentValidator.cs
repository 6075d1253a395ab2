using Crm.GraphQL.Language;
using Crm.GraphQL.Types;
using Crm.GraphQL.Validation.Rules;

namespace Crm.GraphQL.Validation;

/// <summary>
/// Validates executable documents against a schema with the rules of section 5 of the September
/// 2025 edition of the specification, in one walk over the document.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The error limit when none is given, as in the reference implementation.</summary>
    public const int DefaultMaxErrors = 100;

    /// <summary>Every rule of the specification, in the order their errors are reported.</summary>
    public static IReadOnlyList<IValidationRule> SpecifiedRules { get; } =
    [
        new ExecutableDefinitionsRule(),
        new OperationTypeExistenceRule(),
        new OperationNameUniquenessRule(),
        new LoneAnonymousOperationRule(),
        new SubscriptionSingleRootFieldRule(),
        new FragmentSpreadTypeExistenceRule(),
        new FragmentsOnCompositeTypesRule(),
        new VariablesAreInputTypesRule(),
        new LeafFieldSelectionsRule(),
        new FieldSelectionsRule(),
        new FragmentNameUniquenessRule(),
        new FragmentSpreadTargetDefinedRule(),
        new FragmentsMustBeUsedRule(),
        new FragmentSpreadIsPossibleRule(),
        new FragmentSpreadsMustNotFormCyclesRule(),
        new VariableUniquenessRule(),
        new AllVariableUsesDefinedRule(),
        new AllVariablesUsedRule(),
        new DirectivesAreDefinedRule(),
        new DirectivesAreInValidLocationsRule(),
        new DirectivesAreUniquePerLocationRule(),
        new ArgumentNamesRule(),
        new ArgumentUniquenessRule(),
        new ValuesOfCorrectTypeRule(),
        new InputObjectFieldNamesRule(),
        new InputObjectRequiredFieldsRule(),
        new RequiredArgumentsRule(),
        new AllVariableUsagesAreAllowedRule(),
        new FieldSelectionMergingRule(),
        new InputObjectFieldUniquenessRule(),
    ];

    /// <summary>
    /// Validates a document and returns the errors, each with a message and the locations it
    /// refers to; an empty list means the document is valid.
    /// </summary>
    /// <param name="schema">The schema the document is meant for.</param>
    /// <param name="document">The parsed document.</param>
    /// <param name="rules">The rules to apply; <see cref="SpecifiedRules"/> when <see langword="null"/>.</param>
    /// <param name="maxErrors">
    /// After this many errors validation stops and a last error says so, which bounds the work
    /// on hostile documents.
    /// </param>
    public static IReadOnlyList<GraphQLError> Validate(
        Schema schema,
        DocumentNode document,
        IEnumerable<IValidationRule>? rules = null,
        int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxErrors);
        var context = new ValidationContext(schema, document, maxErrors);
        var visitors = (rules ?? SpecifiedRules).Select(rule => rule.CreateVisitor(context)).ToArray();
        try
        {
            new DocumentWalker(context, visitors).Walk(document);
        }
        catch (ValidationAbortedException)
        {
            // The error limit was reached; the errors so far, and the one saying so, are the result.
        }
        catch (InsufficientExecutionStackException)
        {
            // Only documents built in code (the parser limits nesting) can be this deep.
            return [.. context.Errors, new GraphQLError("The document is nested too deeply to validate.")];
        }
        return context.Errors;
    }
}
