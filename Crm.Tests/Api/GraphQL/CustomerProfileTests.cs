using System.Text.Json;
using Crm.Api.Auth;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Api.GraphQL;

/// <summary>A customer's products and refund totals, read in the same statement as the profile, for one customer and for several at once.</summary>
public sealed class CustomerProfileTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task GivenCustomersWithAndWithoutProducts_WhenReadTogether_ThenEachGetsItsOwnProductsInPurchaseOrder()
    {
        using var agent = host.Api.ClientFor(ActorRoles.Agent, "Ann Lee", Guid.CreateVersion7());
        var owner = await RegisterAsync(agent, "Olga Owner");
        var none = await RegisterAsync(agent, "Nils None");
        var kettle = Guid.CreateVersion7();
        var streaming = Guid.CreateVersion7();
        await agent.MutateAsync("registerProduct", new
        {
            customerId = owner, productId = streaming, sku = "STR-1", name = "Streaming", purchasedOn = "2026-03-01", plan = "family",
        }, "productId");
        await agent.MutateAsync("registerProduct", new
        {
            customerId = owner, productId = kettle, sku = "KT-9", name = "Kettle", purchasedOn = "2025-12-24", warrantyUntil = "2027-12-24",
        }, "productId");

        var data = await agent.DataAsync(
            "query($a: ID!, $b: ID!) { a: customer(id: $a) { products { id sku name purchasedOn warrantyUntil plan subscription } stats { refunds { amount currency } } } "
            + "b: customer(id: $b) { products { id } stats { refunds { amount currency } } } }",
            new { a = owner, b = none });

        var products = data.GetProperty("a").GetProperty("products").EnumerateArray().ToList();
        Assert.Equal(2, products.Count);
        Assert.Equal(
            (kettle.ToString(), "KT-9", "Kettle", "2025-12-24", "2027-12-24", (string?)null, "NONE"),
            (products[0].Text("id"), products[0].Text("sku"), products[0].Text("name"), products[0].Text("purchasedOn"),
             products[0].Text("warrantyUntil"), Optional(products[0], "plan"), products[0].Text("subscription")));
        Assert.Equal(
            (streaming.ToString(), "2026-03-01", (string?)null, "family", "ACTIVE"),
            (products[1].Text("id"), products[1].Text("purchasedOn"), Optional(products[1], "warrantyUntil"),
             Optional(products[1], "plan"), products[1].Text("subscription")));
        Assert.Empty(data.GetProperty("b").GetProperty("products").EnumerateArray());
        Assert.Empty(data.GetProperty("a").GetProperty("stats").GetProperty("refunds").EnumerateArray());
        Assert.Empty(data.GetProperty("b").GetProperty("stats").GetProperty("refunds").EnumerateArray());
    }

    private static string? Optional(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    private static async Task<string> RegisterAsync(HttpClient agent, string name)
    {
        var registered = await agent.MutateAsync("registerCustomer", new
        {
            name,
            emails = new List<string> { $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com" },
            phones = new List<string>(),
            language = "en",
            segment = "CONSUMER",
            channel = "EMAIL",
        }, "customer { id }");
        return registered.GetProperty("customer").GetProperty("id").GetString()!;
    }
}
