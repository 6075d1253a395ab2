namespace Crm.GraphQL.Types;

/// <summary>A schema could not be built because it breaks the type-system rules; <see cref="Errors"/> lists every problem.</summary>
public sealed class SchemaValidationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public SchemaValidationException(IReadOnlyList<string> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a single problem.</summary>
    public SchemaValidationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with a single problem and its cause.</summary>
    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception without details.</summary>
    public SchemaValidationException()
        : this("The schema is invalid.")
    {
    }

    /// <summary>The problems found, one message each.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Format(IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? "The schema is invalid: " + errors[0]
            : $"The schema is invalid ({errors.Count} problems):" + string.Concat(errors.Select(e => Environment.NewLine + "- " + e));
}
