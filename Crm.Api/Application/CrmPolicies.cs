using System.Globalization;
using Crm.Domain.Cases;
using Crm.Domain.Policies;

namespace Crm.Api.Application;

/// <summary>
/// The business policies the commands carry, from configuration: remedy authority per role
/// (<c>Crm:Authority:Agent|Supervisor|Manager</c>, an amount in the case's currency or
/// <c>unlimited</c>) and SLA targets per priority (<c>Crm:Sla:{Urgent|High|Normal|Low}:FirstResponse|Resolution</c>,
/// as <c>d.hh:mm:ss</c>). Anything not configured keeps the defaults of SPEC section 3.
/// </summary>
/// <param name="Authority">Remedy limits per role.</param>
/// <param name="Sla">First-response and resolution targets per priority.</param>
internal sealed record CrmPolicies(AuthorityPolicy Authority, SlaPolicy Sla)
{
    /// <summary>The defaults: Agent 50, Supervisor 500, Manager unlimited; SLA as <see cref="SlaPolicy.Default"/>.</summary>
    public static CrmPolicies Default { get; } = new(AuthorityPolicy.Default, SlaPolicy.Default);

    /// <summary>Reads the policies, refusing values that are not amounts or durations with a message naming the key.</summary>
    /// <exception cref="InvalidOperationException">A configured value is malformed or out of range.</exception>
    public static CrmPolicies From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = AuthorityPolicy.Default;
        var authority = new AuthorityPolicy(
            Limit(configuration, "Crm:Authority:Agent", defaults.AgentLimit),
            Limit(configuration, "Crm:Authority:Supervisor", defaults.SupervisorLimit),
            Limit(configuration, "Crm:Authority:Manager", defaults.ManagerLimit));
        var sla = SlaPolicy.Default;
        return new CrmPolicies(
            authority,
            new SlaPolicy(
                Target(configuration, Priority.Urgent, sla.Urgent),
                Target(configuration, Priority.High, sla.High),
                Target(configuration, Priority.Normal, sla.Normal),
                Target(configuration, Priority.Low, sla.Low)));
    }

    private static decimal? Limit(IConfiguration configuration, string key, decimal? fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (string.Equals(text.Trim(), "unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var limit) && limit >= 0)
        {
            return limit;
        }
        throw new InvalidOperationException($"{key} is '{text}'; give an amount of at least 0 (e.g. 50 or 49.99) or 'unlimited'.");
    }

    private static SlaTarget Target(IConfiguration configuration, Priority priority, SlaTarget fallback)
    {
        var firstResponse = Span(configuration, $"Crm:Sla:{priority}:FirstResponse", fallback.FirstResponse);
        var resolution = Span(configuration, $"Crm:Sla:{priority}:Resolution", fallback.Resolution);
        if (firstResponse > resolution)
        {
            throw new InvalidOperationException(
                $"Crm:Sla:{priority}: the first response target ({firstResponse}) is later than the resolution target ({resolution}).");
        }
        return new SlaTarget(firstResponse, resolution);
    }

    private static TimeSpan Span(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }
        throw new InvalidOperationException($"{key} is '{text}'; give a positive duration as d.hh:mm:ss (e.g. 04:00:00 for 4 hours, 3.00:00:00 for 3 days).");
    }
}
