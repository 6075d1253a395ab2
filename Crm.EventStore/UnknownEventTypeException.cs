namespace Crm.EventStore;

/// <summary>
/// An event type the registry does not know: a CLR type that is not registered (on append), or a
/// stored name and schema version that no registration or upcaster reads (on read).
/// </summary>
public sealed class UnknownEventTypeException : EventStoreException
{
    public UnknownEventTypeException(string message, string? typeName, int? schemaVersion, Type? clrType)
        : base(message)
    {
        TypeName = typeName;
        SchemaVersion = schemaVersion;
        ClrType = clrType;
    }

    /// <summary>The stored type name, when a stored event could not be read.</summary>
    public string? TypeName { get; }

    /// <summary>The stored schema version, when a stored event could not be read.</summary>
    public int? SchemaVersion { get; }

    /// <summary>The CLR type, when an event to append is of an unregistered type.</summary>
    public Type? ClrType { get; }
}
