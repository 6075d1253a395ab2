using System.Text.Json.Nodes;

namespace Crm.EventStore;

/// <summary>
/// Maps event CLR types to the stable names and schema versions they are stored under, and turns
/// stored events of older schema versions or older names into the current types (upcasting).
/// Unknown names, versions and types fail loudly with <see cref="UnknownEventTypeException"/>.
/// </summary>
/// <remarks>
/// Register everything before creating the store; the store freezes the registry, after which it
/// is read-only and safe to share between threads.
/// </remarks>
public sealed partial class EventTypeRegistry
{
    private const int MaxTypeNameLength = 256;

    private readonly Dictionary<string, Registration> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Registration> _byType = [];
    private readonly Dictionary<(string Name, int SchemaVersion), Upcaster> _upcasters = [];
    private readonly Dictionary<string, string> _renames = new(StringComparer.Ordinal);
    private volatile bool _frozen;

    /// <summary>The registered type names.</summary>
    public IReadOnlyCollection<string> TypeNames => _byName.Keys;

    /// <summary>Registers <typeparamref name="T"/> under a stable name and its current schema version.</summary>
    public EventTypeRegistry Register<T>(string typeName, int schemaVersion = 1) => Register(typeof(T), typeName, schemaVersion);

    /// <summary>Registers a CLR type under a stable name and its current schema version.</summary>
    /// <exception cref="ArgumentException">The name is invalid or taken, or the type is registered already.</exception>
    public EventTypeRegistry Register(Type clrType, string typeName, int schemaVersion = 1)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        ValidateTypeName(typeName, nameof(typeName));
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        ThrowIfFrozen();
        if (clrType.IsAbstract || clrType.IsInterface || clrType.ContainsGenericParameters)
        {
            throw new ArgumentException($"Event type {clrType} must be a concrete type.", nameof(clrType));
        }
        if (_byName.TryGetValue(typeName, out var taken))
        {
            throw new ArgumentException($"The event type name '{typeName}' is already registered for {taken.ClrType}.", nameof(typeName));
        }
        if (_byType.TryGetValue(clrType, out var existing))
        {
            throw new ArgumentException($"{clrType} is already registered as '{existing.Name}'.", nameof(clrType));
        }
        if (_renames.TryGetValue(typeName, out var renamedTo))
        {
            throw new ArgumentException($"'{typeName}' is renamed to '{renamedTo}'; it cannot be registered again.", nameof(typeName));
        }
        var registration = new Registration(clrType, typeName, schemaVersion);
        _byName.Add(typeName, registration);
        _byType.Add(clrType, registration);
        return this;
    }

    /// <summary>
    /// Upcasts stored events of <paramref name="typeName"/> at <paramref name="fromSchemaVersion"/>
    /// to the next schema version, as JSON. Chains of such steps lead to the current version.
    /// </summary>
    public EventTypeRegistry AddUpcaster(string typeName, int fromSchemaVersion, Func<JsonObject, JsonObject> upcast)
    {
        ArgumentNullException.ThrowIfNull(upcast);
        AddUpcaster(typeName, fromSchemaVersion, new Upcaster(upcast, null, null, null));
        return this;
    }

    /// <summary>
    /// Upcasts stored events of <paramref name="typeName"/> at <paramref name="fromSchemaVersion"/>
    /// by reading them as <typeparamref name="TOld"/> (an old shape kept for this) and converting
    /// to <typeparamref name="TNew"/>, which must be registered.
    /// </summary>
    public EventTypeRegistry AddUpcaster<TOld, TNew>(string typeName, int fromSchemaVersion, Func<TOld, TNew> upcast)
        where TNew : notnull
    {
        ArgumentNullException.ThrowIfNull(upcast);
        AddUpcaster(typeName, fromSchemaVersion, new Upcaster(null, typeof(TOld), typeof(TNew), old => upcast((TOld)old)));
        return this;
    }

    /// <summary>
    /// Reads events stored under <paramref name="oldTypeName"/> as <paramref name="newTypeName"/>
    /// (same schema version; that name's upcasters then apply).
    /// </summary>
    public EventTypeRegistry AddRename(string oldTypeName, string newTypeName)
    {
        ValidateTypeName(oldTypeName, nameof(oldTypeName));
        ValidateTypeName(newTypeName, nameof(newTypeName));
        ThrowIfFrozen();
        if (string.Equals(oldTypeName, newTypeName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A rename needs two different names; got '{oldTypeName}' twice.", nameof(newTypeName));
        }
        if (_byName.ContainsKey(oldTypeName))
        {
            throw new ArgumentException($"'{oldTypeName}' is registered; only names no longer registered can be renamed.", nameof(oldTypeName));
        }
        if (!_renames.TryAdd(oldTypeName, newTypeName))
        {
            throw new ArgumentException($"'{oldTypeName}' is already renamed to '{_renames[oldTypeName]}'.", nameof(oldTypeName));
        }
        return this;
    }

    /// <summary>Whether a CLR type is registered.</summary>
    public bool IsRegistered(Type clrType) => _byType.ContainsKey(clrType);

    /// <summary>The name a CLR type is stored under.</summary>
    /// <exception cref="UnknownEventTypeException">The type is not registered.</exception>
    public string GetTypeName(Type clrType) => Resolve(clrType).Name;

    /// <summary>The CLR type currently registered under a name.</summary>
    /// <exception cref="UnknownEventTypeException">The name is not registered.</exception>
    public Type GetClrType(string typeName) =>
        _byName.TryGetValue(typeName, out var registration)
            ? registration.ClrType
            : throw new UnknownEventTypeException($"No event type is registered under the name '{typeName}'.", typeName, null, null);

    internal Registration Resolve(Type clrType) =>
        _byType.TryGetValue(clrType, out var registration)
            ? registration
            : throw new UnknownEventTypeException(
                $"{clrType} is not a registered event type; register it with EventTypeRegistry.Register before appending it.",
                null,
                null,
                clrType);

    /// <summary>Checks that every upcaster and rename leads somewhere, then makes the registry read-only.</summary>
    internal void Freeze()
    {
        if (_frozen)
        {
            return;
        }
        foreach (var ((name, version), upcaster) in _upcasters)
        {
            if (!_byName.TryGetValue(name, out var registration))
            {
                throw new InvalidOperationException($"An upcaster is registered for '{name}', which is not a registered event type name.");
            }
            if (version >= registration.SchemaVersion)
            {
                throw new InvalidOperationException(
                    $"The upcaster from schema version {version} of '{name}' is not older than the current version {registration.SchemaVersion}.");
            }
            if (upcaster.NewType is not null && !_byType.ContainsKey(upcaster.NewType))
            {
                throw new InvalidOperationException($"The upcaster from schema version {version} of '{name}' produces {upcaster.NewType}, which is not registered.");
            }
        }
        foreach (var oldName in _renames.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { oldName };
            var name = _renames[oldName];
            while (_renames.TryGetValue(name, out var next))
            {
                if (!seen.Add(name))
                {
                    throw new InvalidOperationException($"The renames starting at '{oldName}' form a loop.");
                }
                name = next;
            }
            if (!_byName.ContainsKey(name))
            {
                throw new InvalidOperationException($"'{oldName}' is renamed to '{name}', which is not a registered event type name.");
            }
        }
        _frozen = true;
    }

    private void AddUpcaster(string typeName, int fromSchemaVersion, Upcaster upcaster)
    {
        ValidateTypeName(typeName, nameof(typeName));
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSchemaVersion, 1);
        ThrowIfFrozen();
        if (!_upcasters.TryAdd((typeName, fromSchemaVersion), upcaster))
        {
            throw new ArgumentException($"An upcaster from schema version {fromSchemaVersion} of '{typeName}' is already registered.", nameof(fromSchemaVersion));
        }
    }

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("The event type registry is in use by a store and can no longer change; register every type before creating the store.");
        }
    }

    internal static void ValidateTypeName(string typeName, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName, parameterName);
        if (typeName.Length > MaxTypeNameLength)
        {
            throw new ArgumentException($"An event type name has at most {MaxTypeNameLength} characters; '{typeName[..40]}…' has {typeName.Length}.", parameterName);
        }
        foreach (var c in typeName)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"The event type name '{typeName}' contains a control character.", parameterName);
            }
        }
    }

    /// <summary>A CLR type's stored name and current schema version.</summary>
    internal sealed record Registration(Type ClrType, string Name, int SchemaVersion);

    /// <summary>One upcasting step: as JSON to the next schema version, or typed straight to a registered type.</summary>
    private sealed record Upcaster(Func<JsonObject, JsonObject>? Json, Type? OldType, Type? NewType, Func<object, object>? Typed);
}
