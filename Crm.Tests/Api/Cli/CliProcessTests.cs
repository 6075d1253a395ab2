using System.Diagnostics;
using Crm.Api.Cli;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.Cli;

/// <summary>Runs the built host program as <c>./run.sh seed</c>, <c>verify</c> and <c>rebuild</c> do.</summary>
public sealed class CliProcessTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task SeedVerifyRebuild_ThroughTheProgram_AgainstTheConfiguredDatabase()
    {
        var seed = await RunAsync("seed", "--customers", "3", "--days", "14", "--anchor", "2025-01-31", "--seed", "7");
        Assert.True(seed.Exit == 0, seed.Output + seed.Error);
        Assert.Contains("Seeding 3 customers (seed 7) over the 14 days before 2025-01-31", seed.Output, StringComparison.Ordinal);
        Assert.Contains("Events by type", seed.Output, StringComparison.Ordinal);
        Assert.True(await CliTestKit.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM event_store.events WHERE type_name = 'customer.registered'") == 3);

        var verify = await RunAsync("verify");
        Assert.True(verify.Exit == 0, verify.Output + verify.Error);
        Assert.Contains("every hash chain is intact", verify.Output, StringComparison.Ordinal);

        var rebuild = await RunAsync("rebuild", "crm.customer_profile");
        Assert.True(rebuild.Exit == 0, rebuild.Output + rebuild.Error);
        Assert.Contains("customer_profile", rebuild.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadArguments_GetAClearErrorAndNoStackTrace()
    {
        var notANumber = await RunAsync("seed", "--customers", "many");
        var badDate = await RunAsync("seed", "--anchor", "31.01.2025");

        Assert.Equal(CliErrors.Failed, notANumber.Exit);
        Assert.Contains("--customers", notANumber.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", notANumber.Error, StringComparison.Ordinal);
        Assert.Equal(CliErrors.Failed, badDate.Exit);
        Assert.Contains("--anchor '31.01.2025' is not a date written as yyyy-MM-dd", badDate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badDate.Error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Crm.Api.dll"));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        psi.Environment["ConnectionStrings__Crm"] = database.ConnectionString;
        // Wide enough that the summary tables do not wrap.
        psi.Environment["COLUMNS"] = "200";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(180));
        return (process.ExitCode, await output, await error);
    }
}
