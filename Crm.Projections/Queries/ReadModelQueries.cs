using Npgsql;

namespace Crm.Projections;

/// <summary>
/// The read side of the CRM read models: customer timeline, profile and search, cases, trends,
/// KPIs and agent performance. Every list is keyset-paginated (stable under concurrent writes,
/// no offset scans) and every per-customer question is answered from an index on the customer.
/// Bad input (an unknown cursor, a page size out of range, a range that ends before it starts)
/// throws <see cref="ArgumentException"/> naming the problem.
/// </summary>
public sealed partial class ReadModelQueries
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ReadModelSchema _schema;

    /// <summary>Queries over <paramref name="schema"/> in the database of <paramref name="dataSource"/>.</summary>
    public ReadModelQueries(NpgsqlDataSource dataSource, ReadModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(schema);
        _dataSource = dataSource;
        _schema = schema;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(_schema.Apply(sql), connection);

    /// <summary>Adds a statement to a batch of queries answered in one round trip.</summary>
    private void Add(NpgsqlBatch batch, string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(_schema.Apply(sql));
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(command);
    }

    private static T? Value<T>(NpgsqlDataReader reader, int ordinal)
        where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static TEnum? Enum<TEnum>(NpgsqlDataReader reader, int ordinal)
        where TEnum : struct, Enum => reader.IsDBNull(ordinal) ? null : System.Enum.Parse<TEnum>(reader.GetString(ordinal));

    private static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static DateTimeOffset? OptionalTime(NpgsqlDataReader reader, int ordinal) => Value<DateTimeOffset>(reader, ordinal);

    private static void CheckRange<T>(T? from, T? to, string what)
        where T : struct, IComparable<T>
    {
        if (from is { } f && to is { } t && t.CompareTo(f) < 0)
        {
            throw new ArgumentException($"The {what} range ends ({t}) before it starts ({f}).", nameof(to));
        }
    }
}
