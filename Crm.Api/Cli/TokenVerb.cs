using System.CommandLine;
using Crm.Api.Auth;

namespace Crm.Api.Cli;

/// <summary><c>token --role Agent [--name "Ann Lee"] [--id GUID] [--hours 8]</c>: prints a bearer token signed with the service's key.</summary>
internal static class TokenVerb
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = $"The actor's role: {string.Join(", ", ActorRoles.All)}", Required = true };
        var name = new Option<string?>("--name") { Description = "The actor's display name (default: the role)" };
        var id = new Option<Guid?>("--id") { Description = "The actor's id, a UUID (default: a new one)" };
        var hours = new Option<double>("--hours") { Description = "How long the token is valid, in hours", DefaultValueFactory = _ => 12 };
        var command = new Command("token", "Print a bearer token for the service's signing key") { role, name, id, hours };
        command.SetAction(parse =>
        {
            var roleName = ActorRoles.Normalize(parse.GetValue(role));
            if (roleName is null)
            {
                Console.Error.WriteLine($"Unknown role '{parse.GetValue(role)}'. Roles: {string.Join(", ", ActorRoles.All)}.");
                return 2;
            }
            var lifetime = parse.GetValue(hours);
            if (lifetime is <= 0 or > 24 * 366)
            {
                Console.Error.WriteLine("--hours must be more than 0 and at most a year.");
                return 2;
            }
            var configuration = CliConfiguration.Build();
            var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
            var issuer = new TokenIssuer(SigningKeys.Resolve(configuration), options);
            var token = issuer.Issue(
                parse.GetValue(id) ?? Guid.CreateVersion7(),
                parse.GetValue(name) ?? roleName,
                roleName,
                TimeSpan.FromHours(lifetime),
                DateTimeOffset.UtcNow);
            Console.WriteLine(token);
            return 0;
        });
        return command;
    }
}
