using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crm.EventStore;

public sealed partial class EventTypeRegistry
{
    // Guards against a registry whose JSON upcasters never reach the current version.
    private const int MaxUpcastSteps = 100;

    /// <summary>Reads a stored event as its current CLR type, following renames and upcasters.</summary>
    /// <exception cref="UnknownEventTypeException">No registration or upcaster reads this name and schema version.</exception>
    internal object Deserialize(string typeName, int schemaVersion, ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        var name = typeName;
        var version = schemaVersion;
        JsonObject? upcasting = null;
        for (var step = 0; step < MaxUpcastSteps; step++)
        {
            if (_byName.TryGetValue(name, out var registration))
            {
                if (version == registration.SchemaVersion)
                {
                    return upcasting is null
                        ? Read(json, registration.ClrType, options, typeName)
                        : ReadNode(upcasting, registration.ClrType, options, typeName);
                }
                if (version > registration.SchemaVersion)
                {
                    throw new UnknownEventTypeException(
                        $"A stored '{typeName}' event has schema version {schemaVersion}, newer than the registered schema version "
                        + $"{registration.SchemaVersion} of '{name}' ({registration.ClrType}): the data was written by newer code.",
                        typeName,
                        schemaVersion,
                        null);
                }
                if (!_upcasters.TryGetValue((name, version), out var upcaster))
                {
                    throw new UnknownEventTypeException(
                        $"A stored '{typeName}' event has schema version {schemaVersion}, and no upcaster reads schema version {version} "
                        + $"of '{name}' (current: {registration.SchemaVersion}, {registration.ClrType}).",
                        typeName,
                        schemaVersion,
                        null);
                }
                if (upcaster.Typed is not null)
                {
                    var old = upcasting is null
                        ? Read(json, upcaster.OldType!, options, typeName)
                        : ReadNode(upcasting, upcaster.OldType!, options, typeName);
                    return upcaster.Typed(old);
                }
                upcasting ??= ParseObject(json, typeName);
                upcasting = upcaster.Json!(upcasting)
                    ?? throw new InvalidOperationException($"The upcaster from schema version {version} of '{name}' returned null.");
                version++;
                continue;
            }
            if (_renames.TryGetValue(name, out var renamed))
            {
                name = renamed;
                continue;
            }
            throw new UnknownEventTypeException(
                $"No event type is registered under the stored name '{typeName}' (schema version {schemaVersion}); "
                + "register it, or rename it to a registered name.",
                typeName,
                schemaVersion,
                null);
        }
        throw new InvalidOperationException($"Upcasting a '{typeName}' event of schema version {schemaVersion} did not reach a registered version in {MaxUpcastSteps} steps.");
    }

    /// <summary>
    /// The stored names whose events can read as <paramref name="clrType"/>: its own name, names
    /// with typed upcasters to it, and names renamed to any of these.
    /// </summary>
    internal HashSet<string> StoredNamesOf(Type clrType)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { Resolve(clrType).Name };
        foreach (var ((name, _), upcaster) in _upcasters)
        {
            if (upcaster.NewType == clrType)
            {
                names.Add(name);
            }
        }
        bool added;
        do
        {
            added = false;
            foreach (var (oldName, newName) in _renames)
            {
                if (names.Contains(newName) && names.Add(oldName))
                {
                    added = true;
                }
            }
        }
        while (added);
        return names;
    }

    private static object Read(ReadOnlySpan<byte> json, Type type, JsonSerializerOptions options, string typeName) =>
        JsonSerializer.Deserialize(json, options.GetTypeInfo(type))
        ?? throw new EventStoreException($"A stored '{typeName}' event's data is JSON null.");

    private static object ReadNode(JsonObject node, Type type, JsonSerializerOptions options, string typeName) =>
        node.Deserialize(options.GetTypeInfo(type))
        ?? throw new EventStoreException($"A stored '{typeName}' event's upcast data is JSON null.");

    private static JsonObject ParseObject(ReadOnlySpan<byte> json, string typeName) =>
        JsonNode.Parse(json) as JsonObject
        ?? throw new EventStoreException($"A stored '{typeName}' event's data is not a JSON object, so a JSON upcaster cannot read it.");
}
