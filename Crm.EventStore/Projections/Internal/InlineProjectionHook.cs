using Npgsql;

namespace Crm.EventStore.Projections.Internal;

/// <summary>Runs one inline projection in the append's transaction, with only the events it wants.</summary>
internal sealed class InlineProjectionHook(IProjection projection) : IAppendHook
{
    private readonly IReadOnlyCollection<Type>? _types = projection.EventTypes is { } types ? [.. types] : null;

    public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var wanted = _types is null ? events : [.. events.Where(e => _types.Any(t => t.IsInstanceOfType(e.Data)))];
        return wanted.Count == 0 ? Task.CompletedTask : projection.ApplyAsync(transaction, wanted, TableMap.Live, cancellationToken);
    }
}
