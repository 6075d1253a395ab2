using Crm.Api.Application;
using Crm.Api.Auth;
using Crm.Domain.Common;
using Crm.GraphQL;
using Crm.GraphQL.Types;

namespace Crm.Api.GraphQL;

/// <summary>Who makes a GraphQL request and how it is correlated, as the resolvers see it.</summary>
internal static class RequestOrigin
{
    /// <summary>The key under which the transport hands the request's <see cref="HttpContext"/> to resolvers.</summary>
    public const string HttpContextKey = "crm.http";

    /// <summary>Resolvers' per-request data: the HTTP context only; everything else is derived when needed.</summary>
    public static IReadOnlyDictionary<string, object?> ContextData(HttpContext context) => new HttpContextData(context);

    /// <summary>The token's actor; refused with <c>auth.forbidden</c> when the request carries none (the endpoint's policy prevents that).</summary>
    public static Actor Actor(IResolverContext context)
    {
        var current = context.User is { } user ? CurrentActor.From(user) : null;
        return current is null
            ? throw new GraphQLException("The request names no actor; send a valid bearer token.", DomainErrors.AuthForbidden)
            : new Actor(current.Id, current.Name, Enum.Parse<ActorRole>(current.Role));
    }

    /// <summary>The command context: the actor, the correlation id of the request and the request's id as the causation.</summary>
    public static CommandContext Command(IResolverContext context)
    {
        var http = context.ContextData.TryGetValue(HttpContextKey, out var value) ? value as HttpContext : null;
        return new CommandContext(Actor(context), http is null ? null : Correlation.Of(http), http?.TraceIdentifier);
    }

    /// <summary>Refuses everyone but Auditors and Managers with the GraphQL error code <c>auth.forbidden</c>.</summary>
    public static void RequireAuditor(IResolverContext context)
    {
        var actor = Actor(context);
        if (actor.Role is not (ActorRole.Auditor or ActorRole.Manager))
        {
            throw new GraphQLException(
                $"{actor.Name} acts as {actor.Role}; only Auditors and Managers may read the raw event log, past states and integrity reports.",
                DomainErrors.AuthForbidden);
        }
    }

    /// <summary>A one-entry dictionary, so a request without resolvers that need it allocates nothing more.</summary>
    private sealed class HttpContextData(HttpContext context) : IReadOnlyDictionary<string, object?>
    {
        public object? this[string key] => key == HttpContextKey ? context : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => [HttpContextKey];

        public IEnumerable<object?> Values => [context];

        public int Count => 1;

        public bool ContainsKey(string key) => key == HttpContextKey;

        public bool TryGetValue(string key, out object? value)
        {
            value = key == HttpContextKey ? context : null;
            return key == HttpContextKey;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return new KeyValuePair<string, object?>(HttpContextKey, context);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
