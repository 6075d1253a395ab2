using Crm.Domain.Common;
using Crm.Domain.Customers;
using static Crm.Tests.Domain.CustomerHistory;

namespace Crm.Tests.Domain.Customers;

public sealed class RegisterCustomerTests
{
    private static RegisterCustomer Register(
        string name = "Jane Doe",
        string[]? emails = null,
        string[]? phones = null,
        PostalAddress? address = null,
        bool noAddress = false,
        string language = "en-GB",
        Segment segment = Segment.Consumer) =>
        new(Id, name, emails ?? ["jane@example.com"], phones ?? ["+44 20 7946 0958"], noAddress ? null : address ?? Address, language, segment, Channel.Phone, Actors.Agent, Times.T0);

    [Fact]
    public void GivenNoCustomer_WhenRegistered_ThenCustomerRegistered()
    {
        Given.Customer()
            .When(Register())
            .Then(Registered())
            .ThenState(state =>
            {
                Assert.Equal(CustomerStatus.Active, state.Status);
                Assert.Equal("Jane Doe", state.Name);
                Assert.Equal(new Preferences(Channel.Phone, "en-GB", false, null), state.Preferences);
                Assert.Equal(Times.T0, state.RegisteredAt);
            });
    }

    [Fact]
    public void GivenNoCustomer_WhenRegisteredWithPaddedAndRepeatedDetails_ThenTheyAreCleanedUp()
    {
        var registered = Assert.IsType<CustomerRegistered>(Assert.Single(Given.Customer()
            .When(Register(name: "  Jane Doe ", emails: [" jane@example.com", "JANE@example.com", "jd@work.example.org"], phones: ["+44 20 7946 0958", "+44 20 7946 0958 "]))
            .Decision.Events));

        Assert.Equal("Jane Doe", registered.Name);
        Assert.Equal(["jane@example.com", "jd@work.example.org"], registered.Emails);
        Assert.Equal(["+44 20 7946 0958"], registered.Phones);
    }

    [Fact]
    public void GivenNoCustomer_WhenRegisteredWithOnlyAnAddress_ThenCustomerRegistered()
    {
        Given.Customer()
            .When(Register(emails: [], phones: []))
            .Then(Registered() with { Emails = [], Phones = [] });
    }

    [Fact]
    public void GivenNoCustomer_WhenRegisteredWithoutAnyWayToReachThem_ThenContactRequired()
    {
        Given.Customer().When(Register(emails: [], phones: [], noAddress: true)).ThenError(DomainErrors.CustomerContactRequired);
    }

    [Fact]
    public void GivenRegisteredCustomer_WhenRegisteredAgain_ThenAlreadyRegistered()
    {
        Given.Customer(Registered()).When(Register()).ThenError(DomainErrors.CustomerAlreadyRegistered);
    }

    [Fact]
    public void GivenErasedCustomer_WhenRegisteredAgain_ThenCustomerErased()
    {
        Given.Customer(Registered(), Erased()).When(Register()).ThenError(DomainErrors.CustomerErased);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void GivenNoCustomer_WhenRegisteredWithBlankName_ThenNameRequired(string name)
    {
        Given.Customer().When(Register(name: name)).ThenError(DomainErrors.CustomerNameRequired);
    }

    [Fact]
    public void GivenNoCustomer_WhenRegisteredWithOverlongName_ThenTextTooLong()
    {
        Given.Customer().When(Register(name: new string('J', TextLimits.Line + 1))).ThenError(DomainErrors.TextTooLong);
    }

    [Theory]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("@example.com")]
    [InlineData("jane@example")]
    [InlineData("jane@@example.com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@example.c0m")]
    [InlineData("")]
    public void GivenNoCustomer_WhenRegisteredWithMalformedEmail_ThenEmailInvalid(string email)
    {
        var error = Given.Customer().When(Register(emails: ["ok@example.com", email])).ThenError(DomainErrors.CustomerEmailInvalid);

        Assert.Equal("emails[1]", error.Field);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("call me")]
    [InlineData("+1 234 567 890 123 456 7")]
    [InlineData("++44 20 7946 0958")]
    public void GivenNoCustomer_WhenRegisteredWithMalformedPhone_ThenPhoneInvalid(string phone)
    {
        Given.Customer().When(Register(phones: [phone])).ThenError(DomainErrors.CustomerPhoneInvalid);
    }

    [Theory]
    [InlineData("(030) 123-456")]
    [InlineData("+1.202.555.0143")]
    public void GivenNoCustomer_WhenRegisteredWithAFormattedPhone_ThenItIsAccepted(string phone)
    {
        Assert.True(Given.Customer().When(Register(phones: [phone])).Decision.IsAccepted);
    }

    [Fact]
    public void GivenNoCustomer_WhenAddressHasLowerCaseCountry_ThenAddressInvalid()
    {
        var error = Given.Customer().When(Register(address: Address with { Country = "gb" })).ThenError(DomainErrors.CustomerAddressInvalid);

        Assert.Equal("address.country", error.Field);
    }

    [Fact]
    public void GivenNoCustomer_WhenAddressLacksCity_ThenAddressInvalid()
    {
        var error = Given.Customer().When(Register(address: Address with { City = " " })).ThenError(DomainErrors.CustomerAddressInvalid);

        Assert.Equal("address.city", error.Field);
    }

    [Fact]
    public void GivenNoCustomer_WhenAddressLacksStreet_ThenAddressInvalid()
    {
        Given.Customer().When(Register(address: Address with { Line1 = "" })).ThenError(DomainErrors.CustomerAddressInvalid);
    }

    [Theory]
    [InlineData("english")]
    [InlineData("EN")]
    [InlineData("en_GB")]
    [InlineData("")]
    public void GivenNoCustomer_WhenLanguageIsNotATag_ThenLanguageInvalid(string language)
    {
        Given.Customer().When(Register(language: language)).ThenError(DomainErrors.CustomerLanguageInvalid);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("de-CH")]
    [InlineData("es-419")]
    [InlineData("zh-Hant-TW")]
    public void GivenNoCustomer_WhenLanguageIsATag_ThenItIsAccepted(string language)
    {
        Assert.True(Given.Customer().When(Register(language: language)).Decision.IsAccepted);
    }

    [Fact]
    public void GivenNoCustomer_WhenSegmentIsUndefined_ThenValueUndefined()
    {
        Given.Customer().When(Register(segment: (Segment)7)).ThenError(DomainErrors.CommandValueUndefined);
    }
}
