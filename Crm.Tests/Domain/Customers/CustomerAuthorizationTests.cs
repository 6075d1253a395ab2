using Crm.Domain.Common;
using Crm.Domain.Customers;
using static Crm.Tests.Domain.CustomerHistory;

namespace Crm.Tests.Domain.Customers;

public sealed class CustomerAuthorizationTests
{
    private static IEnumerable<CustomerCommand> EveryCommand(Actor actor)
    {
        var now = Times.Hours(2);
        yield return new RegisterCustomer(Id, "Jane Doe", ["jane@example.com"], [], null, "en", Segment.Consumer, Channel.Email, actor, now);
        yield return new ChangeContactDetails(Id, "Jane Roe", ["jane@example.com"], [], null, actor, now);
        yield return new ChangePreferences(Id, Channel.Chat, "en", true, null, actor, now);
        yield return new RegisterProduct(Id, Guid.Parse("0195f000-0000-7000-8000-0000000011ff"), "SKU", "Thing", new DateOnly(2025, 1, 1), null, null, actor, now);
        yield return new ChangeSubscription(Id, SubscriptionId, SubscriptionChangeKind.Paused, null, new DateOnly(2025, 3, 3), actor, now);
        yield return new LogInteraction(Id, InteractionId, Channel.Chat, Direction.Inbound, "Chat", actor.Id, "t", "s", Times.Hours(1), 60, 0, 10, null, actor, now);
        yield return new PresentOffer(Id, Guid.Parse("0195f000-0000-7000-8000-0000000012ff"), OfferKind.Loyalty, null, "d", null, null, actor, now);
        yield return new AcceptOffer(Id, OfferId, actor, now);
        yield return new DeclineOffer(Id, OfferId, null, actor, now);
        yield return new EraseCustomerData(Id, "request", actor, now);
    }

    public static TheoryData<string> CommandNames() => new(EveryCommand(Actors.Agent).Select(c => c.GetType().Name));

    internal static CustomerCommand Command(string name, Actor actor) => EveryCommand(actor).Single(c => c.GetType().Name == name);

    [Fact]
    public void EveryCustomerCommandType_IsCoveredHere()
    {
        var covered = EveryCommand(Actors.Agent).Select(c => c.GetType()).ToHashSet();
        var all = typeof(CustomerCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CustomerCommand)) && !t.IsAbstract);

        Assert.All(all, t => Assert.Contains(t, covered));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenRegisteredCustomer_WhenAnAuditorIssuesAnyCommand_ThenForbidden(string command)
    {
        Given.Customer(Registered()).When(Command(command, Actors.Auditor)).ThenError(DomainErrors.AuthForbidden);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenRegisteredCustomer_WhenAnotherTeamsServiceIssuesAnyCommand_ThenForbidden(string command)
    {
        Given.Customer(Registered()).When(Command(command, Actors.Service)).ThenError(DomainErrors.AuthForbidden);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenRegisteredCustomer_WhenTheSystemIssuesAnyCommand_ThenForbidden(string command)
    {
        Given.Customer(Registered()).When(Command(command, Actors.System)).ThenError(DomainErrors.AuthForbidden);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void GivenRegisteredCustomer_WhenTheActorHasNoId_ThenActorInvalid(string command)
    {
        Given.Customer(Registered()).When(Command(command, Actors.Agent with { Id = Guid.Empty })).ThenError(DomainErrors.AuthActorInvalid);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenACommandForAnotherCustomerIsDecidedAgainstIt_ThenStreamMismatch()
    {
        var other = Command(nameof(ChangePreferences), Actors.Agent) with { CustomerId = Guid.Parse("0195f000-0000-7000-8000-0000000019ff") };

        Given.Customer(Registered()).When(other).ThenError(DomainErrors.CommandStreamMismatch);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenACommandHasAnEmptyCustomerId_ThenIdEmpty()
    {
        Given.Customer().When(Command(nameof(RegisterCustomer), Actors.Agent) with { CustomerId = Guid.Empty }).ThenError(DomainErrors.CommandIdEmpty);
    }
}
