using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Microsoft.Extensions.Configuration;

namespace Crm.Tests.Api.Application;

public sealed class CrmPoliciesTests
{
    [Fact]
    public void NothingConfigured_GivesTheSpecDefaults()
    {
        var policies = CrmPolicies.From(Configuration([]));

        Assert.Equal(50m, policies.Authority.LimitFor(ActorRole.Agent));
        Assert.Equal(500m, policies.Authority.LimitFor(ActorRole.Supervisor));
        Assert.Null(policies.Authority.LimitFor(ActorRole.Manager));
        Assert.Equal(TimeSpan.FromHours(1), policies.Sla.For(Priority.Urgent).FirstResponse);
        Assert.Equal(TimeSpan.FromDays(10), policies.Sla.For(Priority.Low).Resolution);
    }

    [Fact]
    public void ConfiguredLimitsAndTargets_AreUsed()
    {
        var policies = CrmPolicies.From(Configuration(new()
        {
            ["Crm:Authority:Agent"] = "75.5",
            ["Crm:Authority:Supervisor"] = "unlimited",
            ["Crm:Authority:Manager"] = "10000",
            ["Crm:Sla:High:FirstResponse"] = "02:00:00",
            ["Crm:Sla:High:Resolution"] = "2.00:00:00",
        }));

        Assert.Equal(75.5m, policies.Authority.LimitFor(ActorRole.Agent));
        Assert.Null(policies.Authority.LimitFor(ActorRole.Supervisor));
        Assert.Equal(10000m, policies.Authority.LimitFor(ActorRole.Manager));
        Assert.Equal(TimeSpan.FromHours(2), policies.Sla.For(Priority.High).FirstResponse);
        Assert.Equal(TimeSpan.FromDays(2), policies.Sla.For(Priority.High).Resolution);
        Assert.Equal(TimeSpan.FromHours(8), policies.Sla.For(Priority.Normal).FirstResponse);
    }

    [Theory]
    [InlineData("Crm:Authority:Agent", "-1", "Crm:Authority:Agent")]
    [InlineData("Crm:Authority:Agent", "fifty", "'unlimited'")]
    [InlineData("Crm:Sla:Urgent:FirstResponse", "soon", "d.hh:mm:ss")]
    [InlineData("Crm:Sla:Low:Resolution", "00:00:00", "Crm:Sla:Low:Resolution")]
    [InlineData("Crm:Sla:Normal:FirstResponse", "5.00:00:00", "later than the resolution target")]
    public void MalformedValues_AreRefused_NamingTheKey(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrmPolicies.From(Configuration(new() { [key] = value })));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
