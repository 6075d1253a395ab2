using System.Text.Json;

namespace Crm.EventStore.Internal;

/// <summary>A validated, encoded append (one or more streams), laid out as the append function's arrays.</summary>
internal sealed class AppendBatch
{
    private AppendBatch(StreamAppend[] streams, EncodedEvent[] events)
    {
        Streams = streams;
        Events = events;
    }

    public StreamAppend[] Streams { get; }

    /// <summary>The events, stream after stream, in the order given.</summary>
    public EncodedEvent[] Events { get; }

    /// <summary>Checks the input and encodes every event; throws before anything is sent.</summary>
    /// <exception cref="ArgumentException">Bad input, named in the message.</exception>
    /// <exception cref="UnknownEventTypeException">An event's type is not registered.</exception>
    public static AppendBatch Create(IReadOnlyList<StreamAppend> appends, EventTypeRegistry types, JsonSerializerOptions options)
    {
        var (streams, eventCount) = Validate(appends, types);
        using var encoder = new EventEncoder(types, options);
        var events = new EncodedEvent[eventCount];
        var k = 0;
        foreach (var append in streams)
        {
            for (var j = 0; j < append.Events.Count; j++)
            {
                events[k++] = Encode(encoder, append, j);
            }
        }
        return new AppendBatch(streams, events);
    }

    /// <summary>
    /// Checks everything about the input except the events' content: stream ids and types, no
    /// duplicate stream, no empty or null events, every event type registered.
    /// </summary>
    public static (StreamAppend[] Streams, int EventCount) Validate(IReadOnlyList<StreamAppend> appends, EventTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(appends);
        if (appends.Count == 0)
        {
            throw new ArgumentException("An append needs at least one stream.", nameof(appends));
        }
        var streams = new StreamAppend[appends.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var eventCount = 0;
        for (var i = 0; i < appends.Count; i++)
        {
            var append = appends[i] ?? throw new ArgumentException($"The stream append at index {i} is null.", nameof(appends));
            StreamIds.Validate(append.StreamId, nameof(appends));
            StreamIds.ValidateType(append.StreamType, nameof(appends));
            if (!seen.Add(append.StreamId))
            {
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append; give all its events in one StreamAppend.", nameof(appends));
            }
            if (append.Events is null || append.Events.Count == 0)
            {
                throw new ArgumentException($"The append to stream '{append.StreamId}' has no events.", nameof(appends));
            }
            for (var j = 0; j < append.Events.Count; j++)
            {
                var eventData = append.Events[j] ?? throw new ArgumentException($"Event {j} of the append to stream '{append.StreamId}' is null.", nameof(appends));
                types.Resolve(eventData.Data.GetType());
            }
            streams[i] = append;
            eventCount += append.Events.Count;
        }
        return (streams, eventCount);
    }

    /// <summary>Encodes event <paramref name="index"/> of a validated stream append, naming it in any error.</summary>
    public static EncodedEvent Encode(EventEncoder encoder, StreamAppend append, int index)
    {
        try
        {
            return encoder.Encode(append.StreamId, append.Events[index]);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Event {index} of the append to stream '{append.StreamId}' cannot be stored: {ex.Message}", nameof(append), ex);
        }
    }
}
