using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Projections;
using Crm.Tests.Infrastructure;

namespace Crm.Tests.Projections;

public sealed class CustomerSearchTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly Actor Agent = new(Guid.Parse("0195a1b0-0000-7000-8000-0000000000a1"), "Agent", ActorRole.Agent);
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JaneDoe = Id(1), JanetDole = Id(2), JohnSmith = Id(3), MaryJaneWatson = Id(4), Erased = Id(5);
    private ReadModelStore _store = null!;

    public async Task InitializeAsync()
    {
        var s = new EventScript();
        Register(s, JaneDoe, "Jane Doe", "jane.doe@example.com", "+44 20 7946 0018");
        Register(s, JanetDole, "Janet Dole", "janet@dole.example", "+1 555 0100 22");
        Register(s, JohnSmith, "John Smith", "j.smith@example.org", "020 7946 0999");
        Register(s, MaryJaneWatson, "Mary Jane Watson", "mj@watson.example", "+49 30 1234567");
        Register(s, Erased, "Jane Dough", "jane.dough@example.com", "+44 20 7946 0777");
        s.Run(new EraseCustomerData(Erased, "Customer asked to be forgotten", Agent with { Role = ActorRole.Supervisor }, Now.AddMinutes(5)));
        _store = await ReadModelStore.CreateAsync(database);
        await _store.ProjectAsync(s.Events);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Name_Prefix_RanksWholeNamePrefixesFirst_ThenWordPrefixes()
    {
        var matches = await _store.Queries.SearchCustomersAsync("jane");

        // "jane doe" and "janet dole" start with it (ordered by name), "mary jane watson" has a word starting with it.
        Assert.Equal([JaneDoe, JanetDole, MaryJaneWatson], matches.Select(m => m.Id));
        Assert.Equal([1.0, 1.0, 0.9], matches.Select(m => m.Score));
        Assert.Equal("Jane Doe", matches[0].Name);
        Assert.Equal(["jane.doe@example.com"], matches[0].Emails);
    }

    [Fact]
    public async Task Name_WithTypos_IsFoundByTrigramSimilarity()
    {
        var matches = await _store.Queries.SearchCustomersAsync("Jnae Doe");

        Assert.Equal(JaneDoe, matches[0].Id);
        Assert.InRange(matches[0].Score, 0.1, 0.7);
    }

    [Fact]
    public async Task Email_IsFoundByItsStart()
    {
        var matches = await _store.Queries.SearchCustomersAsync("J.Smith@Example");

        Assert.Equal(JohnSmith, Assert.Single(matches).Id);
        Assert.Equal(1.0, matches[0].Score);
    }

    [Fact]
    public async Task Phone_IsFoundByItsDigits_WhateverTheFormatting()
    {
        var byPart = await _store.Queries.SearchCustomersAsync("7946");
        var formatted = await _store.Queries.SearchCustomersAsync("(020) 7946-0999");

        Assert.Equal([JaneDoe, JohnSmith], byPart.Select(m => m.Id));
        Assert.Equal(JohnSmith, Assert.Single(formatted).Id);
    }

    [Fact]
    public async Task ErasedCustomers_AreNotFound()
    {
        var byName = await _store.Queries.SearchCustomersAsync("dough");
        var byPhone = await _store.Queries.SearchCustomersAsync("0777");

        Assert.DoesNotContain(Erased, byName.Select(m => m.Id));
        Assert.Empty(byPhone);
    }

    [Fact]
    public async Task Wildcards_AreMatchedLiterally()
    {
        var matches = await _store.Queries.SearchCustomersAsync("j%e_");

        Assert.Empty(matches);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" j ")]
    [InlineData("%%")]
    public async Task TooShortText_IsRefused(string text)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.Queries.SearchCustomersAsync(text));

        Assert.Contains("at least 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limit_OutOfRange_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.Queries.SearchCustomersAsync("jane", limit: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.Queries.SearchCustomersAsync("jane", limit: ReadModelQueries.MaxSearchResults + 1));
    }

    private static void Register(EventScript script, Guid id, string name, string email, string phone) =>
        script.Run(new RegisterCustomer(id, name, [email], [phone], null, "en", Segment.Consumer, Channel.Email, Agent, Now));

    private static Guid Id(int n) => Guid.Parse($"0195a1b0-0000-7000-8000-{n:D12}");
}
