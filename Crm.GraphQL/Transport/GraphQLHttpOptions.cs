using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Crm.GraphQL.Transport;

/// <summary>How <c>MapGraphQL</c> serves a schema over HTTP.</summary>
public sealed record GraphQLHttpOptions
{
    /// <summary>The largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Whether queries may be sent with GET (mutations never may: 405).</summary>
    public bool EnableGetRequests { get; init; } = true;

    /// <summary>Whether a browser opening the endpoint (GET, Accept: text/html, no query) gets the in-browser IDE.</summary>
    public bool EnableIde { get; init; } = true;

    /// <summary>Whether the schema's SDL is served at <c>{pattern}/schema.graphql</c>.</summary>
    public bool EnableSchemaFile { get; init; } = true;

    /// <summary>
    /// A policy every GraphQL request and the SDL must satisfy (401 without a user, 403 with one
    /// that does not satisfy it); the IDE page itself holds no data and is served regardless. Null:
    /// the endpoint's own authorization metadata alone decides.
    /// </summary>
    public AuthorizationPolicy? AuthorizationPolicy { get; init; }

    /// <summary>Per-request state handed to resolvers (<c>IResolverContext.ContextData</c>).</summary>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?>? ContextData { get; init; }
}
