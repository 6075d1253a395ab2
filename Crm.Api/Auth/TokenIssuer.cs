using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Auth;

/// <summary>Makes bearer tokens that carry an actor's id, display name and role.</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, AuthOptions options)
{
    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";

    public string Issue(Guid actorId, string name, string role, TimeSpan lifetime, DateTimeOffset now)
    {
        var normalized = ActorRoles.Normalize(role)
            ?? throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", ActorRoles.All)}.", nameof(role));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The name must not be empty.", nameof(name));
        }
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("The lifetime must be positive.", nameof(lifetime));
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(SubjectClaim, actorId.ToString()),
                new Claim(NameClaim, name),
                new Claim(RoleClaim, normalized),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
