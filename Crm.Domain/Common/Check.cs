namespace Crm.Domain.Common;

/// <summary>The input checks every decider shares; each answers with the error, or null when the input is fine.</summary>
internal static class Check
{
    /// <summary>Staff may write; the system only where a command allows it; Auditor and Service never.</summary>
    public static DomainError? Writer(Actor? actor, string action, bool systemAllowed = false)
    {
        if (actor is null || actor.Id == Guid.Empty || string.IsNullOrWhiteSpace(actor.Name))
        {
            return new(DomainErrors.AuthActorInvalid, "The command must name the acting user or component with an id and a name.", "actor");
        }
        if (actor.Role.IsStaff() || (systemAllowed && actor.Role == ActorRole.System))
        {
            return null;
        }
        return new(DomainErrors.AuthForbidden, $"{actor.Name} acts as {actor.Role} and may not {action}.", "actor");
    }

    public static DomainError? Id(Guid id, string field) =>
        id == Guid.Empty ? new(DomainErrors.CommandIdEmpty, $"The {field} must not be empty.", field) : null;

    public static DomainError? Id(Guid? id, string field) => id is { } value ? Id(value, field) : null;

    /// <summary>A required text: blank gives <paramref name="blankCode"/>, too long gives <see cref="DomainErrors.TextTooLong"/>.</summary>
    public static DomainError? Required(string? text, string field, string blankCode, string blankMessage, int limit) =>
        string.IsNullOrWhiteSpace(text) ? new(blankCode, blankMessage, field) : Length(text, field, limit);

    /// <summary>An optional text that must still respect its limit.</summary>
    public static DomainError? Length(string? text, string field, int limit) =>
        text is not null && text.Trim().Length > limit
            ? new(DomainErrors.TextTooLong, $"The {field} has {text.Trim().Length} characters; at most {limit} are allowed.", field)
            : null;

    /// <summary>An enumeration value that must be one of the defined members (casts can make any number).</summary>
    public static DomainError? Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? null
            : new(DomainErrors.CommandValueUndefined, $"{value} is not a valid {typeof(TEnum).Name}; use one of {string.Join(", ", Enum.GetNames<TEnum>())}.", field);

    public static DomainError? Defined<TEnum>(TEnum? value, string field)
        where TEnum : struct, Enum => value is { } v ? Defined(v, field) : null;

    /// <summary>Trims, and turns blank into null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
