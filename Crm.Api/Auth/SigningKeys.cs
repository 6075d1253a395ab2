using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Api.Auth;

/// <summary>
/// Where the token signing key comes from: <c>Crm:Auth:SigningKey</c> when configured; for the
/// embedded default (no connection string), a key generated once and kept in
/// <c>&lt;data folder&gt;/signing-key</c>, readable only by its owner. A configured database without
/// a configured key is refused: a deployment must not sign with a key nobody chose.
/// </summary>
public static class SigningKeys
{
    private const int KeyBytes = 32;

    public static SymmetricSecurityKey Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return FromBase64(options.SigningKey, "Crm:Auth:SigningKey");
        }
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Crm")))
        {
            throw new InvalidOperationException(
                "Crm:Auth:SigningKey is not set. With ConnectionStrings:Crm configured the service does not generate a key of its own: " +
                "set Crm:Auth:SigningKey (environment: Crm__Auth__SigningKey) to a base64 key of at least 32 bytes, e.g. from 'openssl rand -base64 32'.");
        }
        var dataDirectory = Path.GetFullPath(configuration["Crm:DataDirectory"] ?? ".crm");
        return LocalKey(Path.Combine(dataDirectory, "signing-key"));
    }

    /// <summary>Reads the local key file, creating it with a fresh random key on first use.</summary>
    public static SymmetricSecurityKey LocalKey(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(file);
                writer.Write(key);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    private static SymmetricSecurityKey FromBase64(string value, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The signing key in {source} is not valid base64.");
        }
        if (bytes.Length < KeyBytes)
        {
            throw new InvalidOperationException($"The signing key in {source} has {bytes.Length} bytes; at least {KeyBytes} are needed.");
        }
        return new SymmetricSecurityKey(bytes);
    }
}
