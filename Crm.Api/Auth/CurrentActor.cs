using System.Security.Claims;

namespace Crm.Api.Auth;

/// <summary>Who makes a request, as the bearer token says.</summary>
public sealed record CurrentActor(Guid Id, string Name, string Role)
{
    /// <summary>The actor of an authenticated principal; null when the token lacks a valid id or role.</summary>
    public static CurrentActor? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var id = principal.FindFirstValue(TokenIssuer.SubjectClaim);
        var role = ActorRoles.Normalize(principal.FindFirstValue(TokenIssuer.RoleClaim));
        if (!Guid.TryParse(id, out var actorId) || role is null)
        {
            return null;
        }
        return new CurrentActor(actorId, principal.FindFirstValue(TokenIssuer.NameClaim) ?? id!, role);
    }
}
