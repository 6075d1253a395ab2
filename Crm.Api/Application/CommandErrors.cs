using System.Collections.Frozen;

namespace Crm.Api.Application;

/// <summary>
/// The error codes the API adds to the domain's (<see cref="Crm.Domain.Common.DomainErrors"/>):
/// refusals that come from how a command reached the domain rather than from a business rule.
/// </summary>
internal static class CommandErrors
{
    public const string StaleVersion = "concurrency.stale_version";
    public const string Conflict = "concurrency.conflict";
    public const string InvalidId = "input.invalid_id";
    public const string OutOfRange = "input.out_of_range";
    public const string InvalidText = "input.invalid_text";
    public const string InvalidTime = "input.invalid_time";
    public const string StreamArchived = "stream.archived";

    /// <summary>Each code with what it means.</summary>
    public static FrozenDictionary<string, string> Catalog { get; } = new Dictionary<string, string>
    {
        [StaleVersion] = "The record changed since the version given as expectedVersion; reload it and decide again. Nothing was written.",
        [Conflict] = "Too many concurrent changes to the same record; try again. Nothing was written.",
        [InvalidId] = "An id is not a valid id of the kind the field needs (e.g. a case id where a customer id is expected).",
        [OutOfRange] = "A number is outside the range the field accepts.",
        [InvalidText] = "A text holds characters that cannot be stored (the NUL character).",
        [InvalidTime] = "A time of day is not written as HH:mm (24-hour clock), e.g. 09:30.",
        [StreamArchived] = "The record is archived and takes no more changes.",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
