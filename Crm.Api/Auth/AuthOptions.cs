namespace Crm.Api.Auth;

/// <summary>Bearer token settings (section <c>Crm:Auth</c>).</summary>
public sealed record AuthOptions
{
    public const string Section = "Crm:Auth";

    /// <summary>Base64 HMAC-SHA256 key, at least 32 bytes. When absent, the embedded default keeps one under the data folder.</summary>
    public string? SigningKey { get; init; }

    public string Issuer { get; init; } = "crm";

    public string Audience { get; init; } = "crm-api";
}
