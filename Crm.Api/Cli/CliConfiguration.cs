namespace Crm.Api.Cli;

/// <summary>The configuration the verbs read: the host's appsettings.json and the environment.</summary>
internal static class CliConfiguration
{
    public static IConfiguration Build() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
