using Crm.EventStore;

namespace Crm.Tests.EventStore;

public sealed class ValueTypeTests
{
    [Fact]
    public void Checkpoints_OrderByTransactionThenPosition_AndRoundTripAsText()
    {
        var a = new Checkpoint(10, 500);
        var b = new Checkpoint(11, 3);

        Assert.True(a < b);
        Assert.True(new Checkpoint(10, 501) > a);
        Assert.True(Checkpoint.Start < a);
        Assert.Equal("10/500", a.ToString());
        Assert.Equal(a, Checkpoint.Parse(a.ToString()));
        Assert.Equal(new Checkpoint(ulong.MaxValue, long.MaxValue), Checkpoint.Parse($"{ulong.MaxValue}/{long.MaxValue}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("/5")]
    [InlineData("10/")]
    [InlineData("-1/5")]
    [InlineData("10/x")]
    public void MalformedCheckpointText_IsRefused(string text)
    {
        Assert.False(Checkpoint.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Checkpoint.Parse(text));
        Assert.Contains("transactionId/position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectedVersions_SayWhatTheyAccept()
    {
        var none = StreamVersion.None;
        var three = new StreamVersion(3);

        Assert.True(ExpectedVersion.Any.IsSatisfiedBy(none) && ExpectedVersion.Any.IsSatisfiedBy(three));
        Assert.True(ExpectedVersion.NoStream.IsSatisfiedBy(none) && !ExpectedVersion.NoStream.IsSatisfiedBy(three));
        Assert.True(!ExpectedVersion.StreamExists.IsSatisfiedBy(none) && ExpectedVersion.StreamExists.IsSatisfiedBy(three));
        Assert.True(ExpectedVersion.Exactly(3).IsSatisfiedBy(three) && !ExpectedVersion.Exactly(2).IsSatisfiedBy(three));
        Assert.Equal(ExpectedVersion.Exactly(three), ExpectedVersion.Exactly(3));
        Assert.Equal(three, ExpectedVersion.Exactly(3).ExactVersion);
        Assert.Null(ExpectedVersion.Any.ExactVersion);
        Assert.Equal(["any version", "no stream", "an existing stream", "version 3"],
            new[] { ExpectedVersion.Any, ExpectedVersion.NoStream, ExpectedVersion.StreamExists, ExpectedVersion.Exactly(3) }.Select(e => e.ToString()));
    }

    [Fact]
    public void NegativeVersionsAndPositions_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedVersion.Exactly(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamVersion(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GlobalPosition(-1));
        Assert.Equal(new StreamVersion(4), new StreamVersion(3).Next());
    }
}
