namespace Crm.Api.Auth;

/// <summary>The roles a token may carry (SPEC section 3, Authority).</summary>
public static class ActorRoles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Manager = "Manager";
    public const string Auditor = "Auditor";
    public const string Service = "Service";

    public static IReadOnlyList<string> All { get; } = [Agent, Supervisor, Manager, Auditor, Service];

    /// <summary>The role spelled as the list spells it, whatever the case it was given in; null when unknown.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
