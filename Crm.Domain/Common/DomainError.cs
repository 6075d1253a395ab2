namespace Crm.Domain.Common;

/// <summary>Why a command was refused.</summary>
/// <param name="Code">A stable, machine-readable code from <see cref="DomainErrors"/>, e.g. <c>case.closed</c>.</param>
/// <param name="Message">A sentence a person understands, naming the problem and, where there is one, the way out.</param>
/// <param name="Field">The command field at fault, when one is.</param>
public sealed record DomainError(string Code, string Message, string? Field = null);
