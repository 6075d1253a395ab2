using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Crm.EventStore;

/// <summary>
/// A place in the store's commit-ordered log, as used by catch-up readers: the id of the writing
/// transaction and the event's position. Events are delivered in (transaction id, position) order
/// and only once no older transaction is still running, so a reader that keeps the checkpoint of
/// the last event it handled never misses an event and never sees one twice.
/// </summary>
/// <remarks>
/// A checkpoint is not always an event's: at the end of a read the store may advance it past
/// transactions that are known to be finished (see <see cref="AllEventsPage.Next"/>). Store it as
/// it is (two numbers, or the text form of <see cref="ToString"/>) and compare checkpoints only
/// with each other.
/// </remarks>
/// <param name="TransactionId">The PostgreSQL transaction id (xid8) of the writing transaction.</param>
/// <param name="Position">The global position within that transaction's events.</param>
public readonly record struct Checkpoint(ulong TransactionId, long Position) : IComparable<Checkpoint>
{
    /// <summary>Before the first event of the store.</summary>
    public static Checkpoint Start => default;

    /// <inheritdoc />
    public int CompareTo(Checkpoint other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Position.CompareTo(other.Position);
    }

    public static bool operator <(Checkpoint left, Checkpoint right) => left.CompareTo(right) < 0;

    public static bool operator >(Checkpoint left, Checkpoint right) => left.CompareTo(right) > 0;

    public static bool operator <=(Checkpoint left, Checkpoint right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Checkpoint left, Checkpoint right) => left.CompareTo(right) >= 0;

    /// <summary>The text form <c>transactionId/position</c>, read back by <see cref="Parse"/>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TransactionId}/{Position}");

    /// <summary>Reads the text form written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text is not a checkpoint.</exception>
    public static Checkpoint Parse(string text) =>
        TryParse(text, out var checkpoint)
            ? checkpoint
            : throw new FormatException($"'{text}' is not a checkpoint; expected 'transactionId/position', e.g. '1234/56'.");

    /// <summary>Reads the text form written by <see cref="ToString"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Checkpoint checkpoint)
    {
        checkpoint = default;
        if (text is null)
        {
            return false;
        }
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !ulong.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId)
            || !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }
        checkpoint = new Checkpoint(transactionId, position);
        return true;
    }
}
