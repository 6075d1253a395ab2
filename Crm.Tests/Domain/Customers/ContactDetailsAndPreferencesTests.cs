using Crm.Domain.Common;
using Crm.Domain.Customers;
using static Crm.Tests.Domain.CustomerHistory;

namespace Crm.Tests.Domain.Customers;

public sealed class ContactDetailsAndPreferencesTests
{
    private static ChangeContactDetails ChangeDetails(string name = "Jane Smith", string[]? emails = null, PostalAddress? address = null) =>
        new(Id, name, emails ?? ["jane.smith@example.com"], ["+44 20 7946 0958"], address ?? Address, Actors.Agent, Times.Hours(1));

    private static ChangePreferences ChangePreferences(Channel channel = Channel.Email, string language = "en-GB", bool consent = true, ContactHours? hours = null) =>
        new(Id, channel, language, consent, hours, Actors.Agent, Times.Hours(1));

    [Fact]
    public void GivenRegisteredCustomer_WhenContactDetailsChanged_ThenContactDetailsChanged()
    {
        Given.Customer(Registered())
            .When(ChangeDetails())
            .Then(new ContactDetailsChanged(Id, Times.Hours(1), Actors.Agent, "Jane Smith", ["jane.smith@example.com"], ["+44 20 7946 0958"], Address))
            .ThenState(state =>
            {
                Assert.Equal("Jane Smith", state.Name);
                Assert.Equal(["jane.smith@example.com"], state.Emails);
            });
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenTheSameDetailsAreSaved_ThenNothingChanges()
    {
        Given.Customer(Registered()).When(ChangeDetails("Jane Doe", ["jane@example.com"])).ThenNothing();
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenDetailsHaveAMalformedEmail_ThenEmailInvalid()
    {
        Given.Customer(Registered()).When(ChangeDetails(emails: ["jane.example.com"])).ThenError(DomainErrors.CustomerEmailInvalid);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenDetailsHaveABlankName_ThenNameRequired()
    {
        Given.Customer(Registered()).When(ChangeDetails(name: "")).ThenError(DomainErrors.CustomerNameRequired);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenEveryWayToReachThemIsRemoved_ThenContactRequired()
    {
        var command = new ChangeContactDetails(Id, "Jane Doe", [], [], null, Actors.Agent, Times.Hours(1));

        Given.Customer(Registered()).When(command).ThenError(DomainErrors.CustomerContactRequired);
    }

    [Fact]
    public void GivenNoCustomer_WhenContactDetailsChanged_ThenCustomerNotFound()
    {
        Given.Customer().When(ChangeDetails()).ThenError(DomainErrors.CustomerNotFound);
    }

    [Fact]
    public void GivenErasedCustomer_WhenContactDetailsChanged_ThenCustomerErased()
    {
        Given.Customer(Registered(), Erased()).When(ChangeDetails()).ThenError(DomainErrors.CustomerErased);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenPreferencesChanged_ThenPreferencesChanged()
    {
        var hours = new ContactHours(new TimeOnly(9, 0), new TimeOnly(17, 30));

        Given.Customer(Registered())
            .When(ChangePreferences(hours: hours))
            .Then(new PreferencesChanged(Id, Times.Hours(1), Actors.Agent, Channel.Email, "en-GB", true, hours))
            .ThenState(state => Assert.Equal(new Preferences(Channel.Email, "en-GB", true, hours), state.Preferences));
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenTheSamePreferencesAreSaved_ThenNothingChanges()
    {
        Given.Customer(Registered()).When(ChangePreferences(Channel.Phone, consent: false)).ThenNothing();
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenContactHoursEndBeforeTheyStart_ThenContactHoursInvalid()
    {
        var hours = new ContactHours(new TimeOnly(18, 0), new TimeOnly(9, 0));

        Given.Customer(Registered()).When(ChangePreferences(hours: hours)).ThenError(DomainErrors.PreferencesContactHoursInvalid);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenPreferredLanguageIsNotATag_ThenLanguageInvalid()
    {
        Given.Customer(Registered()).When(ChangePreferences(language: "German")).ThenError(DomainErrors.CustomerLanguageInvalid);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenPreferredChannelIsUndefined_ThenValueUndefined()
    {
        Given.Customer(Registered()).When(ChangePreferences((Channel)12)).ThenError(DomainErrors.CommandValueUndefined);
    }

    [Fact]
    public void GivenErasedCustomer_WhenPreferencesChanged_ThenCustomerErased()
    {
        Given.Customer(Registered(), Erased()).When(ChangePreferences()).ThenError(DomainErrors.CustomerErased);
    }

    [Fact]
    public void GivenNoCustomer_WhenPreferencesChanged_ThenCustomerNotFound()
    {
        Given.Customer().When(ChangePreferences()).ThenError(DomainErrors.CustomerNotFound);
    }
}
