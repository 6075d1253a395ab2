using Crm.EventStore;

namespace Crm.Api.Seeding;

internal sealed partial class InMemoryEventStore
{
    /// <summary>One stream's events and state; every member is used under <see cref="Gate"/>.</summary>
    private sealed class HeldStream(string? streamType)
    {
        private readonly List<RecordedEvent> _events = [];
        private readonly List<EventData> _data = [];
        private int _imported;
        private bool _pending;

        public Lock Gate { get; } = new();

        public bool IsArchived { get; set; }

        public int Count => _events.Count;

        public RecordedEvent Add(string streamId, EventData data, long position, DateTimeOffset now, EventTypeRegistry types)
        {
            // As the database does: a missing business time is the recording time, and times keep microseconds.
            var occurredAt = Microseconds(data.Metadata.OccurredAt ?? now);
            var metadata = data.Metadata.OccurredAt == occurredAt ? data.Metadata : data.Metadata with { OccurredAt = occurredAt };
            var recorded = new RecordedEvent
            {
                EventId = data.EventId,
                StreamId = streamId,
                Version = new StreamVersion(_events.Count + 1),
                Position = new GlobalPosition(position),
                Checkpoint = new Checkpoint((ulong)position, position),
                TypeName = types.GetTypeName(data.Data.GetType()),
                SchemaVersion = 1,
                Data = data.Data,
                Metadata = metadata,
                RecordedAt = Microseconds(now),
                Hash = ReadOnlyMemory<byte>.Empty,
            };
            _events.Add(recorded);
            _data.Add(data);
            return recorded;
        }

        /// <summary>Notes that the stream has events not yet taken for import; true when it had none before.</summary>
        public bool MarkPending()
        {
            if (_pending)
            {
                return false;
            }
            _pending = true;
            return true;
        }

        /// <summary>Counts every event held as already written to the real store.</summary>
        public void MarkImported() => _imported = _data.Count;

        public StreamAppend TakePending()
        {
            var streamId = _events[0].StreamId;
            var expected = _imported == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(_imported);
            var events = _data.GetRange(_imported, _data.Count - _imported);
            _imported = _data.Count;
            _pending = false;
            return new StreamAppend(streamId, expected, events) { StreamType = _imported == events.Count ? streamType : null };
        }

        public StreamInfo Info(string streamId) =>
            new(streamId, streamType, new StreamVersion(_events.Count), _events[0].RecordedAt, _events[^1].RecordedAt, IsArchived);

        public StreamPage Read(string streamId, ReadStreamOptions options)
        {
            var forward = options.Direction == ReadDirection.Forward;
            long upper = Math.Min(options.UpToVersion?.Value ?? long.MaxValue, _events.Count);
            if (options.UpToMoment is { } moment)
            {
                while (upper > 0 && _events[(int)upper - 1].RecordedAt > moment)
                {
                    upper--;
                }
            }
            long lower = 1;
            if (options.FromVersion is { } from)
            {
                if (forward)
                {
                    lower = Math.Max(from.Value, 1);
                }
                else
                {
                    upper = Math.Min(upper, from.Value);
                }
            }
            var page = new List<RecordedEvent>();
            StreamVersion? next = null;
            if (forward)
            {
                for (var v = lower; v <= upper; v++)
                {
                    if (page.Count == options.MaxCount)
                    {
                        next = new StreamVersion(v);
                        break;
                    }
                    page.Add(_events[(int)v - 1]);
                }
            }
            else
            {
                for (var v = upper; v >= lower; v--)
                {
                    if (page.Count == options.MaxCount)
                    {
                        next = new StreamVersion(v);
                        break;
                    }
                    page.Add(_events[(int)v - 1]);
                }
            }
            return new StreamPage(streamId, page, next);
        }

        public AggregateResult<TState> Aggregate<TState>(TState initial, Func<TState, RecordedEvent, TState> evolve, StreamVersion? upToVersion, DateTimeOffset? upToMoment)
        {
            var upper = Math.Min(upToVersion?.Value ?? long.MaxValue, _events.Count);
            if (upToMoment is { } moment)
            {
                while (upper > 0 && _events[(int)upper - 1].RecordedAt > moment)
                {
                    upper--;
                }
            }
            var state = initial;
            for (var v = 1; v <= upper; v++)
            {
                state = evolve(state, _events[(int)v - 1]);
            }
            return new AggregateResult<TState>(state, new StreamVersion(upper));
        }

        private static DateTimeOffset Microseconds(DateTimeOffset time)
        {
            var ticks = time.UtcTicks;
            return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
        }
    }
}
