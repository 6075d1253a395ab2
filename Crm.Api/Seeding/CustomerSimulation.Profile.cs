using System.Globalization;
using System.Text;
using Bogus;
using Crm.Api.Application;
using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Api.Seeding;

internal sealed partial class CustomerSimulation
{
    /// <summary>Why customers get in touch, and how often each reason comes up.</summary>
    private enum Episode
    {
        QuickQuestion,
        Inquiry,
        Complaint,
        TechnicalIssue,
        OutboundOffer,
        Purchase,
    }

    private static readonly Weighted<Episode> Episodes = new(
        (Episode.QuickQuestion, 27), (Episode.Inquiry, 21), (Episode.Complaint, 24), (Episode.TechnicalIssue, 12), (Episode.OutboundOffer, 8), (Episode.Purchase, 8));

    private static readonly Weighted<Channel> PreferredChannels = new(
        (Channel.Email, 40), (Channel.Phone, 30), (Channel.Chat, 20), (Channel.SocialMedia, 5), (Channel.Mail, 5));

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        BeginEpisode();
        var team = _segment == Segment.Vip ? SeedStaff.VipTeam : SeedStaff.CareTeam;
        var agent = _seed.Staff.Agent(_random, team);
        var channel = SeedCatalog.AcquisitionChannels.Pick(_random);
        var details = DrawDetails(new Faker(_locale.FakerLocale) { Random = _random });
        var startedAt = Now;
        var handling = HandlingTimes(channel, 1.3);
        if (channel.IsLive())
        {
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.7));
        }
        var registered = await OnCustomerAsync(nameof(CrmCommands.RegisterCustomerAsync), _commands.RegisterCustomerAsync(
            As(agent),
            new RegisterCustomerInput(details.Name, details.Emails, details.Phones, details.Address, _locale.Language, _segment, channel) { CustomerId = CustomerId },
            cancellationToken));
        if (!registered)
        {
            return;
        }

        if (_random.Chance(0.65))
        {
            var consent = _random.Chance(0.55);
            ContactHours? hours = _random.Chance(0.4)
                ? _random.ArrayElement(new[] { new ContactHours(new TimeOnly(9, 0), new TimeOnly(17, 0)), new ContactHours(new TimeOnly(17, 0), new TimeOnly(20, 0)), new ContactHours(new TimeOnly(8, 0), new TimeOnly(12, 0)) })
                : null;
            _clock.Advance(TimeSpan.FromSeconds(_random.Number(20, 120)));
            await OnCustomerAsync(nameof(CrmCommands.ChangePreferencesAsync), _commands.ChangePreferencesAsync(
                As(agent),
                new ChangePreferencesInput(CustomerId, PreferredChannels.Pick(_random), _locale.Language, consent, hours),
                cancellationToken));
        }

        var products = 1 + (_random.Chance(0.55) ? 1 : 0) + (_random.Chance(0.25) ? 1 : 0) + (_segment == Segment.Business ? 1 : 0);
        for (var i = 0; i < products; i++)
        {
            var purchased = DateOnly.FromDateTime(Now.UtcDateTime);
            if (_random.Chance(0.7))
            {
                purchased = purchased.AddDays(-_random.Number(0, 700));
            }
            _clock.Advance(TimeSpan.FromSeconds(_random.Number(15, 90)));
            await RegisterProductAsync(agent, DrawProduct(), purchased, cancellationToken);
        }

        if (channel.IsLive())
        {
            await LogContactAsync(agent, channel, Direction.Inbound, SeedCatalog.QueueFor(channel, team, _segment), "New customer",
                SeedTexts.RegistrationSummary(_random), startedAt, handling, null, cancellationToken);
        }

        ScheduleLife();
    }

    /// <summary>Plans the customer's future: contact episodes as a Poisson process, plan changes, a change of details, perhaps erasure.</summary>
    private void ScheduleLife()
    {
        var perMonth = _segment switch
        {
            Segment.Vip => 2.2,
            Segment.Business => 1.5,
            _ => 1.0,
        } * Math.Clamp(_random.LogNormal(1.0, 0.5), 0.25, 4.0);
        var meanGap = TimeSpan.FromDays(30 / perMonth);
        var at = Now + _random.Exponential(meanGap);
        while (at < _seed.Options.End)
        {
            Schedule(_random.OfficeTime(DateOnly.FromDateTime(at.UtcDateTime)), EpisodeAsync);
            at += _random.Exponential(meanGap);
        }

        foreach (var product in _customer.Products.Values.Where(p => p.Subscription != SubscriptionStatus.None).OrderBy(p => p.Id))
        {
            var changes = _random.Number(0, 2);
            for (var i = 0; i < changes; i++)
            {
                var productId = product.Id;
                Schedule(SomeTimeLater(TimeSpan.FromDays(7)), ct => ChangeSubscriptionAsync(productId, ct));
            }
        }

        if (_random.Chance(0.08))
        {
            Schedule(SomeTimeLater(TimeSpan.FromDays(5)), ChangeDetailsAsync);
        }

        if (_seed.Erasures.Contains(Number))
        {
            var remaining = _seed.Options.End - Now;
            Schedule(_random.OfficeTime(DateOnly.FromDateTime((Now + (remaining * _random.Double(0.5, 0.9))).UtcDateTime)), EraseAsync);
        }
    }

    private async Task EpisodeAsync(CancellationToken cancellationToken)
    {
        BeginEpisode();
        switch (Episodes.Pick(_random))
        {
            case Episode.QuickQuestion:
                await QuickQuestionAsync(cancellationToken);
                break;
            case Episode.Inquiry:
                await OpenCaseAsync(CaseKind.Inquiry, cancellationToken);
                break;
            case Episode.Complaint:
                await OpenCaseAsync(CaseKind.Complaint, cancellationToken);
                break;
            case Episode.TechnicalIssue:
                await OpenCaseAsync(CaseKind.TechnicalIssue, cancellationToken);
                break;
            case Episode.OutboundOffer:
                await OutboundOfferAsync(cancellationToken);
                break;
            default:
                await PurchaseAsync(cancellationToken);
                break;
        }
    }

    /// <summary>A new device or subscription, bought in a shop (a contact) or online (no contact).</summary>
    private async Task PurchaseAsync(CancellationToken cancellationToken)
    {
        var agent = _seed.Staff.Agent(_random, _segment == Segment.Vip ? SeedStaff.VipTeam : SeedStaff.OrdersTeam);
        var product = DrawProduct();
        if (_random.Chance(0.4))
        {
            var startedAt = Now;
            var handling = HandlingTimes(Channel.InPerson, 1.0);
            _clock.Advance(TimeSpan.FromSeconds(handling.Talk));
            if (await RegisterProductAsync(agent, product, DateOnly.FromDateTime(Now.UtcDateTime), cancellationToken))
            {
                await LogContactAsync(agent, Channel.InPerson, Direction.Inbound, "Store desk", "Purchase",
                    $"Customer bought the {product.Name}; set up and registered.", startedAt, handling, null, cancellationToken);
            }
            return;
        }
        await RegisterProductAsync(agent, product, DateOnly.FromDateTime(Now.UtcDateTime), cancellationToken);
    }

    private async Task<bool> RegisterProductAsync(StaffMember agent, SeedProduct product, DateOnly purchasedOn, CancellationToken cancellationToken)
    {
        string? plan = null;
        DateOnly? warranty = null;
        if (product.IsSubscription)
        {
            plan = product.Plans[Math.Min(product.Plans.Length - 1, (int)Math.Floor(Math.Pow(_random.Double(), 1.5) * product.Plans.Length))];
        }
        else
        {
            warranty = purchasedOn.AddMonths(product.WarrantyMonths);
        }
        return await OnCustomerAsync(nameof(CrmCommands.RegisterProductAsync), _commands.RegisterProductAsync(
            As(agent),
            new RegisterProductInput(CustomerId, product.Sku, product.Name, purchasedOn, warranty, plan) { ProductId = NewId() },
            cancellationToken));
    }

    private async Task ChangeSubscriptionAsync(Guid productId, CancellationToken cancellationToken)
    {
        if (!_customer.Products.TryGetValue(productId, out var product) || product.Subscription is SubscriptionStatus.None or SubscriptionStatus.Cancelled)
        {
            return;
        }
        BeginEpisode();
        var plans = SeedCatalog.Subscriptions.FirstOrDefault(s => s.Sku == product.Sku)?.Plans ?? [];
        var otherPlans = plans.Where(p => !string.Equals(p, product.Plan, StringComparison.Ordinal)).ToArray();
        var change = product.Subscription == SubscriptionStatus.Paused
            ? (_random.Chance(0.8) ? SubscriptionChangeKind.Resumed : SubscriptionChangeKind.Cancelled)
            : new Weighted<SubscriptionChangeKind>(
                (SubscriptionChangeKind.PlanChanged, otherPlans.Length > 0 ? 45 : 0), (SubscriptionChangeKind.Paused, 15),
                (SubscriptionChangeKind.Renewed, 25), (SubscriptionChangeKind.Cancelled, 15)).Pick(_random);
        var agent = _seed.Staff.Agent(_random, SeedStaff.CareTeam);
        var startedAt = Now;
        var handling = HandlingTimes(Channel.Phone, 0.8);
        _clock.Advance(TimeSpan.FromSeconds(handling.Talk * 0.8));
        var changed = await OnCustomerAsync(nameof(CrmCommands.ChangeSubscriptionAsync), _commands.ChangeSubscriptionAsync(
            As(agent),
            new ChangeSubscriptionInput(CustomerId, productId, change, change == SubscriptionChangeKind.PlanChanged ? _random.ArrayElement(otherPlans) : null, null),
            cancellationToken));
        if (changed && _random.Chance(0.6))
        {
            await LogContactAsync(agent, Channel.Phone, Direction.Inbound, "Care line", "Plan change",
                $"Customer asked for a change to their {product.Name}: {change}.", startedAt, handling, null, cancellationToken);
        }
    }

    /// <summary>The customer moves house or changes their e-mail address.</summary>
    private async Task ChangeDetailsAsync(CancellationToken cancellationToken)
    {
        BeginEpisode();
        var faker = new Faker(_locale.FakerLocale) { Random = _random };
        var fresh = DrawDetails(faker);
        var name = _customer.Name ?? fresh.Name;
        var address = _random.Chance(0.5) ? fresh.Address : _customer.Address;
        IReadOnlyList<string> emails = [.. fresh.Emails.Where(e => !_customer.Emails.Contains(e)).Concat(_customer.Emails).Take(2)];
        await OnCustomerAsync(nameof(CrmCommands.ChangeContactDetailsAsync), _commands.ChangeContactDetailsAsync(
            As(_seed.Staff.Agent(_random, SeedStaff.CareTeam)),
            new ChangeContactDetailsInput(CustomerId, name, emails, [.. _customer.Phones], address),
            cancellationToken));
    }

    /// <summary>The customer asks to be forgotten: a supervisor erases their personal data, and nothing more happens to them.</summary>
    private async Task EraseAsync(CancellationToken cancellationToken)
    {
        // The queues record the day's abandoned contacts after the customers' steps; one naming
        // this customer must reach its queue before the erasure, which refuses it afterwards.
        if (_abandoned.Count > 0)
        {
            Schedule(_random.OfficeTime(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1), quieterWeekends: false), EraseAsync);
            return;
        }
        BeginEpisode();
        var erased = await OnCustomerAsync(nameof(CrmCommands.EraseCustomerDataAsync), _commands.EraseCustomerDataAsync(
            As(_seed.Staff.Supervisor(_random, SeedStaff.CareTeam)),
            new EraseCustomerDataInput(CustomerId, SeedTexts.ErasureReason(_random)),
            cancellationToken));
        if (erased)
        {
            _agenda.Clear();
        }
    }

    private SeedProduct DrawProduct() =>
        _random.Chance(_segment == Segment.Business ? 0.55 : 0.4)
            ? _random.ArrayElement(SeedCatalog.Subscriptions)
            : _random.ArrayElement(SeedCatalog.Devices);

    private (string Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, PostalAddress? Address) DrawDetails(Faker faker)
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        var name = _segment == Segment.Business && _random.Chance(0.6) ? faker.Company.CompanyName() : $"{first} {last}";
        var local = $"{Ascii(first)}.{Ascii(last)}";
        local = local[..Math.Min(local.Length, 50)].Trim('.');
        if (local.Length < 3 || _random.Chance(0.4))
        {
            local = string.Create(CultureInfo.InvariantCulture, $"{(local.Length < 3 ? "customer" : local)}{_random.Number(1, 99)}");
        }
        var domain = _segment == Segment.Business && name != $"{first} {last}" && Ascii(name).Length >= 3
            ? $"{Ascii(name).Replace(".", "", StringComparison.Ordinal)}.{_locale.Country.ToLowerInvariant()}"
            : _random.ArrayElement(_locale.MailDomains);
        var email = $"{local}@{domain}";
        var phones = _random.Chance(0.85) ? new[] { _random.Replace(_locale.MobileFormat) } : [];
        var address = _random.Chance(0.8)
            ? new PostalAddress(faker.Address.StreetAddress(), null, faker.Address.ZipCode(), faker.Address.City(), _locale.HasRegion ? faker.Address.StateAbbr() : null, _locale.Country)
            : null;
        return (name, [email], phones, address);
    }

    /// <summary>Letters and digits of <paramref name="text"/> folded to lower-case ASCII (accents dropped, ß as ss), words joined by dots.</summary>
    private static string Ascii(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '\'') && builder.Length > 0 && builder[^1] != '.')
            {
                builder.Append('.');
            }
        }
        return builder.ToString().Trim('.');
    }

    /// <summary>A moment some days from now, in office hours; at least <paramref name="earliest"/> away.</summary>
    private DateTimeOffset SomeTimeLater(TimeSpan earliest)
    {
        var remaining = _seed.Options.End - Now - earliest;
        var at = Now + earliest + (remaining > TimeSpan.Zero ? remaining * _random.Double() : TimeSpan.Zero);
        return _random.OfficeTime(DateOnly.FromDateTime(at.UtcDateTime));
    }
}
