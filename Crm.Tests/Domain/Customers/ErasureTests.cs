using Crm.Domain.Common;
using Crm.Domain.Customers;
using static Crm.Tests.Domain.CustomerHistory;

namespace Crm.Tests.Domain.Customers;

public sealed class ErasureTests
{
    private static EraseCustomerData Erase(Actor? by = null, string reason = "Erasure request #4711") => new(Id, reason, by ?? Actors.Supervisor, Times.Hours(1));

    [Fact]
    public void GivenRegisteredCustomer_WhenSupervisorErasesTheirData_ThenCustomerDataErasedAndPersonalDataGoneFromState()
    {
        Given.Customer(Registered(), Product())
            .When(Erase())
            .Then(Erased())
            .ThenState(state =>
            {
                Assert.Equal(CustomerStatus.Erased, state.Status);
                Assert.Null(state.Name);
                Assert.Empty(state.Emails);
                Assert.Empty(state.Phones);
                Assert.Null(state.Address);
                Assert.Equal(Times.Hours(1), state.ErasedAt);
                Assert.Single(state.Products);
            });
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenManagerErasesTheirData_ThenCustomerDataErased()
    {
        Given.Customer(Registered()).When(Erase(Actors.Manager)).Then(Erased() with { By = Actors.Manager });
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenAnAgentErasesTheirData_ThenForbidden()
    {
        Given.Customer(Registered()).When(Erase(Actors.Agent)).ThenError(DomainErrors.AuthForbidden);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenErasedWithoutReason_ThenReasonRequired()
    {
        Given.Customer(Registered()).When(Erase(reason: " ")).ThenError(DomainErrors.ErasureReasonRequired);
    }

    [Fact]
    public void GivenErasedCustomer_WhenErasedAgain_ThenCustomerErased()
    {
        Given.Customer(Registered(), Erased()).When(Erase()).ThenError(DomainErrors.CustomerErased);
    }

    [Fact]
    public void GivenNoCustomer_WhenErased_ThenCustomerNotFound()
    {
        Given.Customer().When(Erase()).ThenError(DomainErrors.CustomerNotFound);
    }

    [Theory]
    [MemberData(nameof(CustomerAuthorizationTests.CommandNames), MemberType = typeof(CustomerAuthorizationTests))]
    public void GivenErasedCustomer_WhenAnyCommandIsIssued_ThenCustomerErased(string command)
    {
        Given.Customer(Registered(), ConsentGiven(), Product(), Subscription(), Offer(), Erased())
            .When(CustomerAuthorizationTests.Command(command, Actors.Supervisor))
            .ThenError(DomainErrors.CustomerErased);
    }

    [Fact]
    public void EnsureWritable_NamesWhyNothingMayBeRecorded()
    {
        Assert.Equal(DomainErrors.CustomerNotFound, CustomerDecider.EnsureWritable(CustomerState.Initial, Id)?.Code);
        Assert.Equal(DomainErrors.CustomerErased, CustomerDecider.EnsureWritable(CustomerDecider.Replay([Registered(), Erased()]), Id)?.Code);
        Assert.Null(CustomerDecider.EnsureWritable(CustomerDecider.Replay([Registered()]), Id));
    }
}
