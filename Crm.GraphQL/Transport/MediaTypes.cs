using Microsoft.Net.Http.Headers;

namespace Crm.GraphQL.Transport;

/// <summary>The response media types of GraphQL over HTTP and how a request's Accept header picks one.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with: the acceptable one with the highest quality, preferring
    /// application/graphql-response+json on a tie; application/json when Accept is missing or only
    /// says <c>*/*</c> (the spec's "assume application/json"); null when nothing we speak is acceptable.
    /// </summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0)
        {
            return Json;
        }
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
        {
            return Json;
        }
        string? best = null;
        double bestQuality = 0;
        var bestSpecific = false;
        foreach (var value in accepted)
        {
            var quality = value.Quality ?? 1.0;
            if (quality <= 0)
            {
                continue;
            }
            var mediaType = value.MediaType.Value?.ToLowerInvariant();
            string? candidate;
            var specific = true;
            switch (mediaType)
            {
                case GraphQLResponse:
                    candidate = GraphQLResponse;
                    break;
                case Json:
                    candidate = Json;
                    break;
                case "application/*" or "*/*":
                    candidate = Json;
                    specific = false;
                    break;
                default:
                    continue;
            }
            if (quality > bestQuality
                || (quality == bestQuality && specific && !bestSpecific)
                || (quality == bestQuality && specific == bestSpecific && candidate == GraphQLResponse))
            {
                best = candidate;
                bestQuality = quality;
                bestSpecific = specific;
            }
        }
        return best;
    }
}
