namespace Crm.GraphQL.Validation;

/// <summary>
/// A validation rule. Rules hold no state of their own: each validation asks every rule for a
/// fresh <see cref="ValidationVisitor"/>, and all visitors are driven by one walk over the document.
/// </summary>
public interface IValidationRule
{
    /// <summary>Creates the visitor that checks one document; it reports through <paramref name="context"/>.</summary>
    ValidationVisitor CreateVisitor(ValidationContext context);
}
