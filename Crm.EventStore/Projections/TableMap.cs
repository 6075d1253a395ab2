namespace Crm.EventStore.Projections;

/// <summary>
/// Where a projection's tables are for one call: the live tables, or during a rebuild the fresh
/// tables being filled. A rebuild puts every table in a shadow schema of its own under the same
/// name, so a projection bound to a whole schema can follow with <see cref="SchemaOf"/>, and one
/// that names tables one by one with the indexer.
/// </summary>
public sealed class TableMap
{
    private readonly IReadOnlyDictionary<string, string>? _schemas;

    private TableMap(IReadOnlyDictionary<string, string>? schemas) => _schemas = schemas;

    /// <summary>The live tables, as declared.</summary>
    public static TableMap Live { get; } = new(null);

    /// <summary>Whether the tables are a rebuild's fresh copies rather than the live ones.</summary>
    public bool IsShadow => _schemas is not null;

    /// <summary>The quoted, schema-qualified name to write <paramref name="table"/> under this time.</summary>
    public string this[ProjectionTable table]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(table);
            return ProjectionTable.Qualify(SchemaOf(table.Schema), table.Name);
        }
    }

    /// <summary>The schema that stands for the live schema <paramref name="liveSchema"/> this time (unquoted); the tables keep their names.</summary>
    /// <exception cref="ArgumentException">No declared table of the projection lives in <paramref name="liveSchema"/>.</exception>
    public string SchemaOf(string liveSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(liveSchema);
        if (_schemas is null)
        {
            return liveSchema;
        }
        return _schemas.TryGetValue(liveSchema, out var shadow)
            ? shadow
            : throw new ArgumentException($"The projection declared no table in schema '{liveSchema}'; declare every table it writes in IProjection.Tables.", nameof(liveSchema));
    }

    internal static TableMap Shadow(IReadOnlyDictionary<string, string> schemas) => new(schemas);
}
