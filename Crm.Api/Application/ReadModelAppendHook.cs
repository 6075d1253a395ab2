using System.Linq.Expressions;
using System.Reflection;
using Crm.EventStore;
using Crm.Projections;
using Npgsql;

namespace Crm.Api.Application;

/// <summary>
/// Runs the CRM read models' projections inside every append's transaction, so a read right after
/// a write sees it and a failing projection rolls the write back. The projections (and the
/// asynchronous ones, until the projection daemon runs them) are given the recorded events in
/// position order.
/// </summary>
/// <remarks>
/// Crm.Projections keeps its projection engine (<c>IReadModelProjection</c>, <c>ProjectedEvent</c>,
/// <c>ReadModelProjections.All</c>) internal to itself. Until it offers a public entry point, the
/// host binds to those members once, at start-up, through compiled expressions: a renamed member
/// fails the start with a message naming it, never a request, and each append pays only a
/// delegate call per projection.
/// </remarks>
internal sealed class ReadModelAppendHook : IAppendHook
{
    private const string EngineNamespace = "Crm.Projections.Engine";

    private static readonly Lazy<Engine> Bound = new(Engine.Bind);

    private readonly Projection[] _projections;

    /// <summary>The hook for the read models in <paramref name="schema"/>.</summary>
    /// <param name="schema">Where the read-model tables live.</param>
    /// <param name="includeAsync">Whether the projections meant for the daemon (trends, agent performance) run inline too.</param>
    public ReadModelAppendHook(ReadModelSchema schema, bool includeAsync)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var engine = Bound.Value;
        _projections = [.. engine.Create(schema).Where(p => includeAsync || p.IsInline)];
        Names = [.. _projections.Select(p => p.Name)];
    }

    /// <summary>The names of the projections this hook runs, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    public async Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(events);
        var connection = transaction.Connection ?? throw new InvalidOperationException("The append's transaction has no connection.");
        var projected = Bound.Value.Project(events);
        foreach (var projection in _projections)
        {
            await projection.Apply(projection.Instance, projected, connection, transaction, cancellationToken);
        }
    }

    private sealed record Projection(
        object Instance,
        string Name,
        bool IsInline,
        Func<object, object, NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> Apply);

    /// <summary>The projection engine's members, bound once.</summary>
    private sealed class Engine
    {
        private Func<ReadModelSchema, IEnumerable<object>> _all = null!;
        private Func<IReadOnlyList<RecordedEvent>, object> _project = null!;
        private Func<object, string> _name = null!;
        private Func<object, string> _mode = null!;
        private Func<object, object, NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> _apply = null!;

        public IEnumerable<Projection> Create(ReadModelSchema schema) =>
            _all(schema).Select(p => new Projection(p, _name(p), _mode(p) == "Inline", _apply));

        public object Project(IReadOnlyList<RecordedEvent> events) => _project(events);

        public static Engine Bind()
        {
            var assembly = typeof(ReadModelQueries).Assembly;
            var projectionType = Find(assembly, "IReadModelProjection");
            var eventType = Find(assembly, "ProjectedEvent");
            var listType = typeof(IReadOnlyList<>).MakeGenericType(eventType);
            var all = Member(Find(assembly, "ReadModelProjections").GetMethod("All", BindingFlags.Public | BindingFlags.Static, [typeof(ReadModelSchema)]), "ReadModelProjections.All(ReadModelSchema)");
            var fromStore = Member(
                Find(assembly, "ProjectedEvents").GetMethod(
                    "FromStore", BindingFlags.Public | BindingFlags.Static,
                    [typeof(long), typeof(string), typeof(long), typeof(object), typeof(DateTimeOffset), typeof(DateTimeOffset)]),
                "ProjectedEvents.FromStore(long, string, long, object, DateTimeOffset, DateTimeOffset)");
            var name = Member(projectionType.GetProperty("Name"), "IReadModelProjection.Name");
            var mode = Member(projectionType.GetProperty("Mode"), "IReadModelProjection.Mode");
            var apply = Member(
                projectionType.GetMethod("ApplyAsync", [listType, typeof(NpgsqlConnection), typeof(NpgsqlTransaction), typeof(CancellationToken)]),
                "IReadModelProjection.ApplyAsync(IReadOnlyList<ProjectedEvent>, NpgsqlConnection, NpgsqlTransaction, CancellationToken)");

            var schema = Expression.Parameter(typeof(ReadModelSchema), "schema");
            var instance = Expression.Parameter(typeof(object), "projection");
            var typedInstance = Expression.Convert(instance, projectionType);
            var batch = Expression.Parameter(typeof(object), "events");
            var connection = Expression.Parameter(typeof(NpgsqlConnection), "connection");
            var transaction = Expression.Parameter(typeof(NpgsqlTransaction), "transaction");
            var token = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
            var recorded = Expression.Parameter(typeof(RecordedEvent), "recorded");
            var toProjected = Expression.Lambda<Func<RecordedEvent, object>>(
                Expression.Call(
                    fromStore,
                    Expression.Property(Expression.Property(recorded, nameof(RecordedEvent.Position)), nameof(GlobalPosition.Value)),
                    Expression.Property(recorded, nameof(RecordedEvent.StreamId)),
                    Expression.Property(Expression.Property(recorded, nameof(RecordedEvent.Version)), nameof(StreamVersion.Value)),
                    Expression.Property(recorded, nameof(RecordedEvent.Data)),
                    Expression.Property(recorded, nameof(RecordedEvent.OccurredAt)),
                    Expression.Property(recorded, nameof(RecordedEvent.RecordedAt))),
                recorded).Compile();

            return new Engine
            {
                _all = Expression.Lambda<Func<ReadModelSchema, IEnumerable<object>>>(Expression.Convert(Expression.Call(all, schema), typeof(IEnumerable<object>)), schema).Compile(),
                _name = Expression.Lambda<Func<object, string>>(Expression.Property(typedInstance, name), instance).Compile(),
                _mode = Expression.Lambda<Func<object, string>>(
                    Expression.Call(Expression.Convert(Expression.Property(typedInstance, mode), typeof(object)), typeof(object).GetMethod(nameof(ToString))!),
                    instance).Compile(),
                _apply = Expression.Lambda<Func<object, object, NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>>(
                    Expression.Call(typedInstance, apply, Expression.Convert(batch, listType), connection, transaction, token),
                    instance, batch, connection, transaction, token).Compile(),
                _project = events =>
                {
                    var array = Array.CreateInstance(eventType, events.Count);
                    for (var i = 0; i < events.Count; i++)
                    {
                        array.SetValue(toProjected(events[i]), i);
                    }
                    return array;
                },
            };
        }

        private static Type Find(Assembly assembly, string name) =>
            assembly.GetType($"{EngineNamespace}.{name}")
            ?? throw new InvalidOperationException($"Crm.Projections has no type {EngineNamespace}.{name}; the host's read-model hook must be updated to the projection engine's new shape.");

        private static T Member<T>(T? member, string description)
            where T : MemberInfo =>
            member ?? throw new InvalidOperationException($"Crm.Projections has no {description}; the host's read-model hook must be updated to the projection engine's new shape.");
    }
}
