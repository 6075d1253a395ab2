using Crm.Api.ReadModels;
using Crm.GraphQL;
using Crm.GraphQL.Execution;
using Crm.GraphQL.Types;

namespace Crm.Api.GraphQL;

/// <summary>Reading resolver arguments (already coerced by the engine) and turning bad values into clear errors.</summary>
internal static class Args
{
    /// <summary>The most items one page may hold.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public const int DefaultPageSize = 20;

    public static T? Get<T>(IResolverContext context, string name) =>
        context.Arguments.TryGetValue(name, out var value) && value is T typed ? typed : default;

    public static T? Struct<T>(IResolverContext context, string name)
        where T : struct =>
        context.Arguments.TryGetValue(name, out var value) && value is T typed ? typed : null;

    /// <summary>A text argument; refuses the NUL character, which PostgreSQL cannot hold.</summary>
    public static string? Text(IResolverContext context, string name)
    {
        var text = Get<string>(context, name);
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw BadInput($"Argument \"{name}\" contains the NUL character, which is not allowed.")
            : text;
    }

    /// <summary>The UUID a global id argument names, when it is of the expected kind; an error otherwise.</summary>
    public static Guid Id(IResolverContext context, string name, NodeKind kind)
    {
        var text = Get<string>(context, name);
        return GlobalIds.TryDecode(text, kind, out var id) ? id : throw BadInput(GlobalIds.Problem(text, kind));
    }

    /// <summary>Like <see cref="Id"/> for an optional argument.</summary>
    public static Guid? OptionalId(IResolverContext context, string name, NodeKind kind) =>
        Get<string>(context, name) is null ? null : Id(context, name, kind);

    /// <summary>
    /// The Relay paging arguments: <c>first</c>/<c>after</c> (forward) or <c>last</c>/<c>before</c>
    /// (backward), at most <see cref="MaxPageSize"/> items.
    /// </summary>
    public static PageRequest Page(IResolverContext context, bool backwardAllowed = true)
    {
        var first = Struct<int>(context, "first");
        var last = Struct<int>(context, "last");
        var after = Text(context, "after");
        var before = Text(context, "before");
        if (first is not null && last is not null)
        {
            throw BadInput("Give either first (with after) or last (with before), not both.");
        }
        if (after is not null && before is not null)
        {
            throw BadInput("Give either after or before, not both.");
        }
        var backward = last is not null || before is not null;
        if (backward && !backwardAllowed)
        {
            throw BadInput("This list pages forward only: use first and after.");
        }
        if (backward && first is not null)
        {
            throw BadInput("first pages forward; use last with before.");
        }
        if (!backward && last is not null)
        {
            throw BadInput("last pages backward; use first with after.");
        }
        var size = first ?? last ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            throw BadInput($"{(last is null ? "first" : "last")} must be from 1 to {MaxPageSize}; {size} was asked for.");
        }
        return new PageRequest(size, backward, backward ? before : after);
    }

    public static GraphQLException BadInput(string message) => new(message, ErrorCodes.BadUserInput);

    /// <summary>Runs a read, turning the read models' <see cref="ArgumentException"/> (bad cursor, bad range) into a user error.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (ArgumentException ex)
        {
            throw BadInput(Message(ex));
        }
    }

    /// <summary>The exception's message without the "(Parameter 'x')" suffix, which means nothing to an API client.</summary>
    public static string Message(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is null ? -1 : message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }
}
