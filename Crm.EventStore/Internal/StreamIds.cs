namespace Crm.EventStore.Internal;

/// <summary>The rules for stream ids and stream types, checked before anything is sent.</summary>
internal static class StreamIds
{
    public const int MaxLength = 512;

    public static void Validate(string streamId, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId, parameterName);
        if (streamId.Length > MaxLength)
        {
            throw new ArgumentException($"A stream id has at most {MaxLength} characters; '{streamId[..40]}…' has {streamId.Length}.", parameterName);
        }
        foreach (var c in streamId)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"The stream id '{streamId}' contains a control character.", parameterName);
            }
        }
    }

    public static void ValidateType(string? streamType, string parameterName)
    {
        if (streamType is null)
        {
            return;
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType, parameterName);
        if (streamType.Length > 256 || streamType.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A stream type has at most 256 characters and no U+0000; got '{streamType}'.", parameterName);
        }
    }
}
