using System.Diagnostics;
using Crm.Api.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Tests.Api.Cli;

/// <summary>Runs the built host program as <c>./run.sh token</c> does.</summary>
public sealed class TokenVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-token-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Token_PrintsATokenForTheLocalKey_ThatCarriesIdNameAndRole()
    {
        var id = Guid.CreateVersion7();

        var (exit, output, _) = await RunAsync("token", "--role", "supervisor", "--name", "Ann Lee", "--id", id.ToString());

        Assert.Equal(0, exit);
        var key = SigningKeys.LocalKey(Path.Combine(_folder, "signing-key"));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(output.Trim(), new TokenValidationParameters
        {
            ValidIssuer = "crm",
            ValidAudience = "crm-api",
            IssuerSigningKey = key,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(id.ToString(), validation.Claims["sub"]);
        Assert.Equal("Ann Lee", validation.Claims["name"]);
        Assert.Equal("Supervisor", validation.Claims["role"]);
    }

    [Fact]
    public async Task Token_WithAnUnknownRole_SaysWhichRolesExist()
    {
        var (exit, output, error) = await RunAsync("token", "--role", "Janitor");

        Assert.NotEqual(0, exit);
        Assert.Equal("", output.Trim());
        Assert.Contains("Unknown role 'Janitor'", error, StringComparison.Ordinal);
        Assert.Contains("Agent, Supervisor, Manager, Auditor, Service", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Crm.Api.dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        psi.Environment["Crm__DataDirectory"] = _folder;
        psi.Environment.Remove("ConnectionStrings__Crm");
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
