using Crm.Domain.Common;

namespace Crm.Tests.Domain.Common;

public sealed class MoneyAndCollectionsTests
{
    [Theory]
    [InlineData("EUR", true)]
    [InlineData("USD", true)]
    [InlineData("eur", false)]
    [InlineData("EU", false)]
    [InlineData("EURO", false)]
    [InlineData("E1R", false)]
    [InlineData(null, false)]
    public void IsCurrencyCode_AcceptsThreeUpperCaseLettersOnly(string? code, bool expected)
    {
        Assert.Equal(expected, Money.IsCurrencyCode(code));
    }

    [Fact]
    public void Money_WithAMalformedCurrency_CannotBeCreated()
    {
        var error = Assert.Throws<ArgumentException>(() => new Money(1m, "eur"));

        Assert.Contains("'eur'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_WithAMalformedCurrencyViaWith_CannotBeCreated()
    {
        var money = new Money(1m, "EUR");

        Assert.Throws<ArgumentException>(() => money with { Currency = "xx" });
    }

    [Fact]
    public void Money_HasValueEqualityAndReadableText()
    {
        Assert.Equal(new Money(12.5m, "EUR"), new Money(12.50m, "EUR"));
        Assert.NotEqual(new Money(12.5m, "EUR"), new Money(12.5m, "USD"));
        Assert.Equal("12.50 EUR", new Money(12.5m, "EUR").ToString());
    }

    [Fact]
    public void EquatableList_ComparesItemsInOrder()
    {
        EquatableList<string> ab = ["a", "b"];

        Assert.Equal(ab, EquatableList.From(new List<string> { "a", "b" }));
        Assert.Equal(ab.GetHashCode(), EquatableList.From(["a", "b"]).GetHashCode());
        Assert.NotEqual(ab, (EquatableList<string>)["b", "a"]);
        Assert.NotEqual(ab, ab.Add("c"));
        Assert.Equal(["a", "z"], ab.SetItem(1, "z"));
        Assert.True(ab == EquatableList.From(["a", "b"]));
    }

    [Fact]
    public void EquatableDictionary_ComparesEntriesRegardlessOfInsertionOrder()
    {
        var one = EquatableDictionaries.Empty<int, string>().SetItem(1, "a").SetItem(2, "b");
        var other = EquatableDictionaries.Empty<int, string>().SetItem(2, "b").SetItem(1, "a");

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, other.SetItem(2, "c"));
        Assert.NotEqual(one, one.SetItem(3, "c"));
    }

    [Fact]
    public void EquatableSet_ComparesMembersRegardlessOfInsertionOrder()
    {
        var one = EquatableSet.Empty<int>().Add(1).Add(2);
        var other = EquatableSet.Empty<int>().Add(2).Add(1).Add(1);

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, other.Add(3));
    }

    [Fact]
    public void RecordsHoldingCollections_KeepValueEquality()
    {
        var first = new Holder(["x"], EquatableSet.Empty<int>().Add(1));
        var second = new Holder(EquatableList.From(["x"]), EquatableSet.Empty<int>().Add(1));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Decision_RefusedCarriesNoEvents()
    {
        var refused = Decision.Refuse<string>(new DomainError("x.y", "why"));

        Assert.False(refused.IsAccepted);
        Assert.Empty(refused.Events);
        Assert.True(Decision.Accept("a", "b").IsAccepted);
        Assert.Equal(["a", "b"], Decision.Accept("a", "b").Events);
    }

    private sealed record Holder(EquatableList<string> Items, EquatableSet<int> Members);
}
