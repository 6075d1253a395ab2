using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Policies;

namespace Crm.Tests.Domain.Common;

public sealed class PolicyTests
{
    [Theory]
    [InlineData(ActorRole.Agent, 50.0, 50.01)]
    [InlineData(ActorRole.Supervisor, 500.0, 500.01)]
    public void DefaultAuthority_CoversUpToTheRolesLimit(ActorRole role, double limit, double above)
    {
        Assert.True(AuthorityPolicy.Default.Covers(role, (decimal)limit));
        Assert.False(AuthorityPolicy.Default.Covers(role, (decimal)above));
    }

    [Fact]
    public void DefaultAuthority_LeavesManagersUnlimitedAndReadOnlyRolesWithout()
    {
        Assert.Null(AuthorityPolicy.Default.LimitFor(ActorRole.Manager));
        Assert.True(AuthorityPolicy.Default.Covers(ActorRole.Manager, 1_000_000_000m));
        Assert.Equal(0m, AuthorityPolicy.Default.LimitFor(ActorRole.Auditor));
        Assert.False(AuthorityPolicy.Default.Covers(ActorRole.Service, 0.01m));
        Assert.False(AuthorityPolicy.Default.Covers(ActorRole.System, 0.01m));
    }

    [Fact]
    public void Authority_RefusesNegativeLimits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthorityPolicy(-1m, 500m, null));
    }

    [Fact]
    public void DefaultSla_HasTheDocumentedTargets()
    {
        Assert.Equal(new SlaTarget(TimeSpan.FromHours(1), TimeSpan.FromHours(8)), SlaPolicy.Default.For(Priority.Urgent));
        Assert.Equal(new SlaTarget(TimeSpan.FromHours(4), TimeSpan.FromHours(24)), SlaPolicy.Default.For(Priority.High));
        Assert.Equal(new SlaTarget(TimeSpan.FromHours(8), TimeSpan.FromDays(3)), SlaPolicy.Default.For(Priority.Normal));
        Assert.Equal(new SlaTarget(TimeSpan.FromDays(3), TimeSpan.FromDays(10)), SlaPolicy.Default.For(Priority.Low));
    }

    [Fact]
    public void SlaTarget_RefusesNonPositiveOrInvertedSpans()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(TimeSpan.Zero, TimeSpan.FromHours(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaTarget(TimeSpan.FromHours(1), TimeSpan.FromHours(-1)));
        Assert.Throws<ArgumentException>(() => new SlaTarget(TimeSpan.FromHours(2), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(ActorRole.Agent, true)]
    [InlineData(ActorRole.Supervisor, true)]
    [InlineData(ActorRole.Manager, true)]
    [InlineData(ActorRole.Auditor, false)]
    [InlineData(ActorRole.Service, false)]
    [InlineData(ActorRole.System, false)]
    public void OnlyStaffRolesAreStaff(ActorRole role, bool isStaff)
    {
        Assert.Equal(isStaff, role.IsStaff());
    }
}
