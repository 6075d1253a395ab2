using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.EventStore;
using Crm.EventStore.Postgres;
using Crm.Projections;
using Crm.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.Tests.Api.Application;

/// <summary>The command service used directly, as a seeder or an import would: its own clock and ids, no HTTP.</summary>
public sealed class CrmCommandsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly Actor Agent = new(Guid.CreateVersion7(), "Ann Lee", ActorRole.Agent);
    private readonly FixedClock _clock = new(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero));
    private ServiceProvider? _services;

    private CrmCommands Commands => _services!.GetRequiredService<CrmCommands>();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton(database.DataSource);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddCrmApplication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:EventStore:Schema"] = "cmd_store",
            ["Crm:ReadModels:Schema"] = "cmd_read",
        }).Build());
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<CrmStorage>().InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task ACommand_CarriesTheClocksTimeTheActorAndTheCorrelation_IntoItsEvents_AndTheReadModel()
    {
        var customerId = Guid.CreateVersion7();
        var context = new CommandContext(Agent, "corr-42", "request-7");

        var reply = await Commands.RegisterCustomerAsync(context, Registration() with { CustomerId = customerId });

        Assert.True(reply.Succeeded);
        Assert.Equal(customerId, reply.CreatedId);
        Assert.Equal(1, reply.Version);
        var recorded = Assert.Single((await _services!.GetRequiredService<IEventStore>().ReadStreamAsync(CrmStreams.Customer(customerId))).Events);
        Assert.Equal("customer.registered", recorded.TypeName);
        Assert.Equal(_clock.Now, recorded.OccurredAt);
        Assert.Equal(Agent.Id.ToString(), recorded.Metadata.ActorId);
        Assert.Equal("Agent", recorded.Metadata.ActorRole);
        Assert.Equal("corr-42", recorded.Metadata.CorrelationId);
        Assert.Equal("request-7", recorded.Metadata.CausationId);
        Assert.Equal("RegisterCustomer", recorded.Metadata.Headers!["command"]);
        var profile = await _services!.GetRequiredService<ReadModelQueries>().ProfileAsync(customerId, _clock.Now);
        Assert.Equal("Ada Byron", profile!.Name);
    }

    [Fact]
    public async Task ACommand_WakesListenersOfTheStore_AfterItsInlineProjectionsCommitted()
    {
        var store = _services!.GetRequiredService<PostgresEventStore>();
        await using var listener = await database.DataSource.OpenConnectionAsync();
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, _) => woken.TrySetResult();
        await using (var listen = new NpgsqlCommand($"LISTEN \"{store.NotificationChannel}\"", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }
        var customerId = Guid.CreateVersion7();

        var reply = await Commands.RegisterCustomerAsync(new CommandContext(Agent), Registration() with { CustomerId = customerId });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!woken.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            await listener.WaitAsync(TimeSpan.FromMilliseconds(200));
        }

        Assert.True(reply.Succeeded);
        Assert.True(woken.Task.IsCompleted, "no notification within 30 seconds of the command");
        // The notification follows the commit of the events and of the inline read models.
        var profile = await _services!.GetRequiredService<ReadModelQueries>().ProfileAsync(customerId, _clock.Now);
        Assert.Equal("Ada Byron", profile!.Name);
    }

    [Fact]
    public async Task NewIds_ComeFromTheGivenGenerator()
    {
        var ids = new Queue<Guid>([Guid.CreateVersion7(), Guid.CreateVersion7()]);
        var commands = new CrmCommands(_services!.GetRequiredService<IEventStore>(), CrmPolicies.Default, _clock, newId: ids.Dequeue);
        var expected = ids.Peek();

        var reply = await commands.RegisterCustomerAsync(new CommandContext(Agent), Registration());

        Assert.Equal(expected, reply.CreatedId);
        Assert.Equal(expected, reply.State!.Id);
    }

    [Fact]
    public async Task CaseCommands_OfAnErasedCustomer_AreRefused_WithoutWriting()
    {
        var context = new CommandContext(Agent);
        var supervisor = new CommandContext(Agent with { Id = Guid.CreateVersion7(), Role = ActorRole.Supervisor });
        var customer = (await Commands.RegisterCustomerAsync(context, Registration())).CreatedId!.Value;
        var caseId = (await Commands.OpenCaseAsync(context, Complaint(customer))).CreatedId!.Value;
        Assert.True((await Commands.EraseCustomerDataAsync(supervisor, new EraseCustomerDataInput(customer, "Customer's request"))).Succeeded);

        var note = await Commands.AddCaseNoteAsync(context, new AddCaseNoteInput(caseId, "Called back.", NoteVisibility.Internal));
        var newCase = await Commands.OpenCaseAsync(context, Complaint(customer));

        Assert.Equal(DomainErrors.CustomerErased, Assert.Single(note.Errors).Code);
        Assert.Equal(DomainErrors.CustomerErased, Assert.Single(newCase.Errors).Code);
        Assert.Equal(1, (await _services!.GetRequiredService<IEventStore>().GetStreamAsync(CrmStreams.Case(caseId)))!.Version.Value);
    }

    [Fact]
    public async Task AContactLinkedToAnotherCustomersCase_IsRefused()
    {
        var context = new CommandContext(Agent);
        var first = (await Commands.RegisterCustomerAsync(context, Registration())).CreatedId!.Value;
        var second = (await Commands.RegisterCustomerAsync(context, Registration())).CreatedId!.Value;
        var firstsCase = (await Commands.OpenCaseAsync(context, Complaint(first))).CreatedId!.Value;

        var reply = await Commands.LogInteractionAsync(context, new LogInteractionInput(
            second, Channel.Phone, Direction.Inbound, null, "Topic", "Summary", null, 10, 0, 0, firstsCase));
        var unknown = await Commands.LogInteractionAsync(context, new LogInteractionInput(
            second, Channel.Phone, Direction.Inbound, null, "Topic", "Summary", null, 10, 0, 0, Guid.CreateVersion7()));

        Assert.Equal((DomainErrors.CaseNotFound, "caseId"), (Assert.Single(reply.Errors).Code, reply.Errors[0].Field));
        Assert.Equal(DomainErrors.CaseNotFound, Assert.Single(unknown.Errors).Code);
        Assert.Equal(1, (await _services!.GetRequiredService<IEventStore>().GetStreamAsync(CrmStreams.Customer(second)))!.Version.Value);
    }

    [Theory]
    [InlineData(ActorRole.Auditor)]
    [InlineData(ActorRole.Service)]
    [InlineData(ActorRole.System)]
    public async Task ReadingRoles_AreRefusedBeforeAnythingIsRead(ActorRole role)
    {
        var reply = await Commands.OpenCaseAsync(new CommandContext(Agent with { Role = role }), Complaint(Guid.CreateVersion7()));

        Assert.Equal(DomainErrors.AuthForbidden, Assert.Single(reply.Errors).Code);
        Assert.Null(reply.Version);
    }

    [Fact]
    public async Task AStaleExpectedVersion_IsRefused_AndTheRightOneIsAccepted()
    {
        var context = new CommandContext(Agent);
        var customer = (await Commands.RegisterCustomerAsync(context, Registration())).CreatedId!.Value;
        var change = new ChangePreferencesInput(customer, Channel.Email, "en", true, null);

        var stale = await Commands.ChangePreferencesAsync(context, change with { ExpectedVersion = 0 });
        var current = await Commands.ChangePreferencesAsync(context, change with { ExpectedVersion = 1 });

        Assert.Equal((CommandErrors.StaleVersion, "expectedVersion"), (Assert.Single(stale.Errors).Code, stale.Errors[0].Field));
        Assert.Equal(1, stale.Version);
        Assert.True(current.Succeeded);
        Assert.Equal(2, current.Version);
    }

    private static RegisterCustomerInput Registration() =>
        new("Ada Byron", ["ada@example.org"], [], null, "en", Segment.Consumer, Channel.Email);

    private static OpenCaseInput Complaint(Guid customerId) =>
        new(customerId, CaseKind.Complaint, CaseCategory.Billing, Priority.Normal, Channel.Email, "Charged twice", "The invoice shows the fee twice.", "EUR");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
