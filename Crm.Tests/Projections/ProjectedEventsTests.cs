using Crm.Projections.Engine;

namespace Crm.Tests.Projections;

public sealed class ProjectedEventsTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromStore_KeepsEveryField()
    {
        var data = new object();

        var projected = ProjectedEvents.FromStore(42, "case-1", 3, data, At, At.AddSeconds(1));

        Assert.Equal(new ProjectedEvent(42, "case-1", 3, data, At, At.AddSeconds(1)), projected);
    }

    [Fact]
    public void FromStore_RefusesImpossiblePlaces()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectedEvents.FromStore(-1, "s", 1, new object(), At, At));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectedEvents.FromStore(1, "s", 0, new object(), At, At));
        Assert.Throws<ArgumentException>(() => ProjectedEvents.FromStore(1, " ", 1, new object(), At, At));
        Assert.Throws<ArgumentNullException>(() => ProjectedEvents.FromStore(1, "s", 1, null!, At, At));
    }
}
