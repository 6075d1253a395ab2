using System.Text;
using Crm.Api.GraphQL;

namespace Crm.Tests.Api.GraphQL;

public sealed class GlobalIdsTests
{
    [Fact]
    public void AGlobalId_IsTheBase64OfTypeAndUuid_AndDecodesBack()
    {
        var id = Guid.CreateVersion7();

        var encoded = GlobalIds.Encode(NodeKind.Case, id);

        Assert.Equal($"Case:{id}", Encoding.ASCII.GetString(Convert.FromBase64String(encoded)));
        Assert.True(GlobalIds.TryDecode(encoded, out var kind, out var decoded));
        Assert.Equal((NodeKind.Case, id), (kind, decoded));
        Assert.True(GlobalIds.TryDecode(encoded, NodeKind.Case, out _));
        Assert.False(GlobalIds.TryDecode(encoded, NodeKind.Customer, out _));
        Assert.Contains("is the id of a Case, not of a Customer", GlobalIds.Problem(encoded, NodeKind.Customer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("Q3VzdG9tZXI6")]
    [InlineData("Q3VzdG9tZXI6bm90LWEtdXVpZA==")]
    [InlineData("MDoxYjRlMjhiYS0yZmExLTExZDItODgzZi0wMDE2ZDNjY2E0Mjc=")]
    [InlineData("VXNlcjoxYjRlMjhiYS0yZmExLTExZDItODgzZi0wMDE2ZDNjY2E0Mjc=")]
    public void Malformed_WrongTypeOrNonUuid_IsNotAGlobalId(string? value)
    {
        Assert.False(GlobalIds.TryDecode(value, out _, out _));
        Assert.Contains("is not a Customer id", GlobalIds.Problem(value, NodeKind.Customer), StringComparison.Ordinal);
    }

    [Fact]
    public void AVeryLongValue_IsRefusedWithoutDecoding()
    {
        var value = new string('A', 100_000);

        Assert.False(GlobalIds.TryDecode(value, out _, out _));
        Assert.True(GlobalIds.Problem(value, NodeKind.Case).Length < 200);
    }
}
