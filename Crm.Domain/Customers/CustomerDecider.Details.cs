using Crm.Domain.Common;

namespace Crm.Domain.Customers;

public static partial class CustomerDecider
{
    private static Decision<CustomerEvent> Register(RegisterCustomer command, CustomerState state)
    {
        if (state.Status == CustomerStatus.Erased)
        {
            return new DomainError(DomainErrors.CustomerErased, $"Customer {command.CustomerId}'s personal data was erased; the id cannot be registered again.", "customerId");
        }
        if (state.Exists)
        {
            return new DomainError(DomainErrors.CustomerAlreadyRegistered, $"Customer {command.CustomerId} is already registered.", "customerId");
        }
        var error = Check.Defined(command.Segment, "segment")
            ?? Check.Defined(command.Channel, "channel")
            ?? CheckLanguage(command.Language);
        if (error is not null)
        {
            return error;
        }
        var (details, detailsError) = Normalize(command.Name, command.Emails, command.Phones, command.Address);
        if (detailsError is not null)
        {
            return detailsError;
        }
        return new CustomerRegistered(
            command.CustomerId, command.Now.ToUniversalTime(), command.Actor,
            details.Name, details.Emails, details.Phones, details.Address,
            command.Language.Trim(), command.Segment, command.Channel);
    }

    private static Decision<CustomerEvent> ChangeContactDetails(ChangeContactDetails command, CustomerState state, DateTimeOffset now)
    {
        var (details, error) = Normalize(command.Name, command.Emails, command.Phones, command.Address);
        if (error is not null)
        {
            return error;
        }
        if (details.Name == state.Name && details.Emails == state.Emails && details.Phones == state.Phones && details.Address == state.Address)
        {
            return Decision.Unchanged<CustomerEvent>();
        }
        return new ContactDetailsChanged(command.CustomerId, now, command.Actor, details.Name, details.Emails, details.Phones, details.Address);
    }

    private static Decision<CustomerEvent> ChangePreferences(ChangePreferences command, CustomerState state, DateTimeOffset now)
    {
        var error = Check.Defined(command.PreferredChannel, "preferredChannel") ?? CheckLanguage(command.Language);
        if (error is not null)
        {
            return error;
        }
        if (command.ContactHours is { } hours && hours.From >= hours.To)
        {
            return new DomainError(DomainErrors.PreferencesContactHoursInvalid, $"Contact hours from {hours.From:HH\\:mm} to {hours.To:HH\\:mm} do not start before they end.", "contactHours");
        }
        var preferences = new Preferences(command.PreferredChannel, command.Language.Trim(), command.MarketingConsent, command.ContactHours);
        if (preferences == state.Preferences)
        {
            return Decision.Unchanged<CustomerEvent>();
        }
        return new PreferencesChanged(command.CustomerId, now, command.Actor, preferences.PreferredChannel, preferences.Language, preferences.MarketingConsent, preferences.ContactHours);
    }

    private static Decision<CustomerEvent> Erase(EraseCustomerData command, DateTimeOffset now)
    {
        if (command.Actor.Role is not (ActorRole.Supervisor or ActorRole.Manager))
        {
            return new DomainError(DomainErrors.AuthForbidden, $"{command.Actor.Name} acts as {command.Actor.Role}; erasing a customer's personal data needs a Supervisor or Manager.", "actor");
        }
        var error = Check.Required(command.Reason, "reason", DomainErrors.ErasureReasonRequired, "An erasure must say why: the customer's request or the legal basis.", TextLimits.Paragraph);
        if (error is not null)
        {
            return error;
        }
        return new CustomerDataErased(command.CustomerId, now, command.Actor, command.Reason.Trim());
    }

    private static DomainError? CheckLanguage(string? language) =>
        language is not null && Formats.IsLanguageTag(language.Trim())
            ? null
            : new(DomainErrors.CustomerLanguageInvalid, $"'{language}' is not a language tag such as en, de-CH or es-419.", "language");

    /// <summary>Trims every part, drops repeated e-mails and phones, and checks the shape of each.</summary>
    private static (ContactSet Details, DomainError? Error) Normalize(string? name, IReadOnlyList<string>? emails, IReadOnlyList<string>? phones, PostalAddress? address)
    {
        var error = Check.Required(name, "name", DomainErrors.CustomerNameRequired, "The customer's name must not be blank.", TextLimits.Line);
        if (error is not null)
        {
            return (ContactSet.None, error);
        }
        var cleanEmails = new List<string>();
        foreach (var (email, index) in (emails ?? []).Select((e, i) => (e?.Trim() ?? "", i)))
        {
            if (!Formats.IsEmail(email))
            {
                return (ContactSet.None, new(DomainErrors.CustomerEmailInvalid, $"'{email}' is not an e-mail address of the form name@example.com.", $"emails[{index}]"));
            }
            if (!cleanEmails.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                cleanEmails.Add(email);
            }
        }
        var cleanPhones = new List<string>();
        foreach (var (phone, index) in (phones ?? []).Select((p, i) => (p?.Trim() ?? "", i)))
        {
            if (!Formats.IsPhone(phone))
            {
                return (ContactSet.None, new(DomainErrors.CustomerPhoneInvalid, $"'{phone}' is not a phone number: use 5 to 15 digits, optionally with a leading + and spaces, dashes, dots or parentheses.", $"phones[{index}]"));
            }
            if (!cleanPhones.Contains(phone, StringComparer.Ordinal))
            {
                cleanPhones.Add(phone);
            }
        }
        var (cleanAddress, addressError) = NormalizeAddress(address);
        if (addressError is not null)
        {
            return (ContactSet.None, addressError);
        }
        if (cleanEmails.Count == 0 && cleanPhones.Count == 0 && cleanAddress is null)
        {
            return (ContactSet.None, new(DomainErrors.CustomerContactRequired, "Give at least one e-mail address, phone number or postal address, so the customer can be reached.", "emails"));
        }
        return (new ContactSet(name!.Trim(), EquatableList.From(cleanEmails), EquatableList.From(cleanPhones), cleanAddress), null);
    }

    private static (PostalAddress? Address, DomainError? Error) NormalizeAddress(PostalAddress? address)
    {
        if (address is null)
        {
            return (null, null);
        }
        var clean = new PostalAddress(
            address.Line1?.Trim() ?? "", Check.Clean(address.Line2), Check.Clean(address.PostalCode),
            address.City?.Trim() ?? "", Check.Clean(address.Region), address.Country?.Trim() ?? "");
        var error = Check.Required(clean.Line1, "address.line1", DomainErrors.CustomerAddressInvalid, "The postal address needs a street line.", TextLimits.Paragraph)
            ?? Check.Length(clean.Line2, "address.line2", TextLimits.Paragraph)
            ?? Check.Length(clean.PostalCode, "address.postalCode", TextLimits.Line)
            ?? Check.Required(clean.City, "address.city", DomainErrors.CustomerAddressInvalid, "The postal address needs a city.", TextLimits.Line)
            ?? Check.Length(clean.Region, "address.region", TextLimits.Line)
            ?? (Formats.IsCountryCode(clean.Country)
                ? null
                : new DomainError(DomainErrors.CustomerAddressInvalid, $"'{clean.Country}' is not a two-letter upper-case country code such as DE or US.", "address.country"));
        return error is null ? (clean, null) : (null, error);
    }

    private sealed record ContactSet(string Name, EquatableList<string> Emails, EquatableList<string> Phones, PostalAddress? Address)
    {
        public static ContactSet None { get; } = new("", EquatableList.Empty<string>(), EquatableList.Empty<string>(), null);
    }
}
