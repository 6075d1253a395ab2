using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Auth;

/// <summary>JWT bearer authentication; every endpoint but health requires a valid token.</summary>
public static class AuthSetup
{
    public static IServiceCollection AddCrmAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddSingleton(_ => SigningKeys.Resolve(configuration));
        services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<SymmetricSecurityKey>(), options));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SymmetricSecurityKey>((jwt, key) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = TokenIssuer.NameClaim,
                    RoleClaimType = TokenIssuer.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new JsonWebTokenHandler { MapInboundClaims = false });
            });

        // The fallback applies to every endpoint that says nothing else: a token naming a known
        // role and a valid actor id is required everywhere but where AllowAnonymous says so.
        services.AddAuthorizationBuilder().SetFallbackPolicy(ActorPolicy);
        return services;
    }

    /// <summary>A valid token naming a known role and a valid actor id: the fallback policy, and the GraphQL endpoint's.</summary>
    public static AuthorizationPolicy ActorPolicy { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => CurrentActor.From(context.User) is not null)
        .Build();

    /// <summary><c>GET /auth/whoami</c>: the actor the token names, so a client can check its token.</summary>
    public static IEndpointRouteBuilder MapCrmAuth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/auth/whoami", (HttpContext context) =>
        {
            var actor = CurrentActor.From(context.User)!;
            return Results.Json(new { id = actor.Id, name = actor.Name, role = actor.Role });
        });
        return endpoints;
    }
}
