namespace Crm.EventStore.Projections;

/// <summary>A projection's live tables compared with a fresh replay of the log, at one consistent moment.</summary>
/// <param name="Projection">The projection.</param>
/// <param name="Checkpoint">The point of the log both sides reflect.</param>
/// <param name="EventsReplayed">Events replayed into the fresh tables.</param>
/// <param name="Tables">One comparison per table, in the projection's order.</param>
public sealed record ProjectionComparison(string Projection, Checkpoint Checkpoint, long EventsReplayed, IReadOnlyList<TableComparison> Tables)
{
    /// <summary>Whether every table holds exactly the rows a replay gives.</summary>
    public bool AreEqual => Tables.All(t => t.AreEqual);

    /// <inheritdoc />
    public override string ToString() =>
        AreEqual
            ? $"{Projection}: {Tables.Count} tables equal to a replay of {EventsReplayed} events"
            : $"{Projection}: {string.Join("; ", Tables.Where(t => !t.AreEqual))}";
}

/// <summary>One table, live and replayed.</summary>
/// <param name="Table">The table.</param>
/// <param name="Live">The live table's fingerprint.</param>
/// <param name="Rebuilt">The replayed table's fingerprint.</param>
/// <param name="FirstDifference">The first row, in primary-key order, that differs; null when the tables are equal.</param>
public sealed record TableComparison(ProjectionTable Table, TableChecksum Live, TableChecksum Rebuilt, RowDifference? FirstDifference)
{
    /// <summary>Whether both hold the same rows.</summary>
    public bool AreEqual => Live == Rebuilt;

    /// <inheritdoc />
    public override string ToString() =>
        AreEqual ? $"{Table}: equal ({Live.Rows} rows)" : $"{Table}: live {Live.Rows} rows, rebuilt {Rebuilt.Rows} rows; first difference {FirstDifference}";
}

/// <summary>A table's content in brief: its row count and a checksum over every row.</summary>
/// <param name="Rows">Rows.</param>
/// <param name="Checksum">An MD5-based sum over the text of every row; equal rows give equal sums in any schema, in any order.</param>
public sealed record TableChecksum(long Rows, string Checksum);

/// <summary>A row that differs.</summary>
/// <param name="Key">Its primary key, as <c>column=value</c> pairs.</param>
/// <param name="Live">The live row as text, or null when only the replay has it.</param>
/// <param name="Rebuilt">The replayed row as text, or null when only the live table has it.</param>
public sealed record RowDifference(string Key, string? Live, string? Rebuilt)
{
    /// <inheritdoc />
    public override string ToString() => $"at {Key}: live {Live ?? "(missing)"}, rebuilt {Rebuilt ?? "(missing)"}";
}
