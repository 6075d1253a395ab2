using Crm.GraphQL.Validation;

namespace Crm.Tests.GraphQL.Validation;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("nam", "name,tag", "name,age,tag,owner")]
    [InlineData("NAME", "name,names", "names,name")]
    [InlineData("abc", "", "xyz,uvw")]
    [InlineData("ab", "ba", "ba,xy")]
    [InlineData("item", "item1,item2,item10", "item10,item2,item1")]
    public void Rank_KeepsCloseOptions_ClosestFirstInNaturalOrder(string input, string expected, string options)
    {
        var ranked = Suggestions.Rank(input, options.Split(','));

        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), ranked);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("a", " Did you mean \"a\"?")]
    [InlineData("a,b", " Did you mean \"a\" or \"b\"?")]
    [InlineData("a,b,c", " Did you mean \"a\", \"b\", or \"c\"?")]
    [InlineData("a,b,c,d,e,f", " Did you mean \"a\", \"b\", \"c\", \"d\", or \"e\"?")]
    public void DidYouMean_ListsAtMostFiveSuggestions(string suggestions, string expected) =>
        Assert.Equal(expected, Suggestions.DidYouMean(suggestions.Length == 0 ? [] : suggestions.Split(',')));

    [Fact]
    public void DidYouMean_NamesTheSubject() =>
        Assert.Equal(" Did you mean the enum value \"CALM\"?", Suggestions.DidYouMean(["CALM"], "the enum value"));

    [Theory]
    [InlineData("a2", "a10", -1)]
    [InlineData("a10", "a10", 0)]
    [InlineData("b", "a10", 1)]
    [InlineData("a02", "a2", 0)]
    [InlineData("a", "ab", -1)]
    public void NaturalCompare_ComparesDigitRunsByValue(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(Suggestions.NaturalCompare(a, b)));
}
