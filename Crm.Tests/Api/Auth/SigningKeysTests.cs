using Crm.Api.Auth;
using Microsoft.Extensions.Configuration;

namespace Crm.Tests.Api.Auth;

public sealed class SigningKeysTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-keys-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LocalKey_IsGeneratedOnce_OwnerOnly_AndReused()
    {
        var path = Path.Combine(_folder, "signing-key");

        var first = SigningKeys.LocalKey(path);
        var second = SigningKeys.LocalKey(path);

        Assert.Equal(first.Key, second.Key);
        Assert.Equal(32, first.Key.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void EmbeddedDefault_KeepsTheKeyInTheDataFolder()
    {
        var configuration = Config(new() { ["Crm:DataDirectory"] = _folder });

        var key = SigningKeys.Resolve(configuration);

        Assert.Equal(Convert.ToBase64String(key.Key), File.ReadAllText(Path.Combine(_folder, "signing-key")));
    }

    [Fact]
    public void ConfiguredDatabaseWithoutAKey_IsRefusedWithAMessageThatSaysWhatToSet()
    {
        var configuration = Config(new() { ["ConnectionStrings:Crm"] = "Host=db;Database=crm" });

        var error = Assert.Throws<InvalidOperationException>(() => SigningKeys.Resolve(configuration));

        Assert.Contains("Crm:Auth:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("c2hvcnQ=", "at least 32")]
    public void BadConfiguredKey_IsRefusedClearly(string key, string expected)
    {
        var configuration = Config(new() { ["Crm:Auth:SigningKey"] = key });

        var error = Assert.Throws<InvalidOperationException>(() => SigningKeys.Resolve(configuration));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
