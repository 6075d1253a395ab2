using Crm.Domain.Cases;
using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Api.Seeding;

/// <summary>Where a customer lives: the language, currency and formats their data follows.</summary>
/// <param name="FakerLocale">The Bogus locale that makes their names and addresses.</param>
/// <param name="Language">Their language tag.</param>
/// <param name="Country">ISO 3166 country code.</param>
/// <param name="Currency">The currency their cases are in.</param>
/// <param name="MobileFormat">A mobile number pattern; each # is a digit.</param>
/// <param name="MailDomains">The mail providers common there.</param>
/// <param name="HasRegion">Whether addresses name a state or province.</param>
internal sealed record SeedLocale(string FakerLocale, string Language, string Country, string Currency, string MobileFormat, string[] MailDomains, bool HasRegion);

/// <summary>Something the company sells: a device (with a warranty) or a subscription (with plans, cheapest first).</summary>
internal sealed record SeedProduct(string Sku, string Name, decimal Price, int WarrantyMonths, string[] Plans)
{
    public bool IsSubscription => Plans.Length > 0;
}

/// <summary>A queue contacts wait in before an agent answers, and how often callers give up there.</summary>
/// <param name="Name">The queue's name (its stream is <c>queue-{name}</c>).</param>
/// <param name="Channel">The channel that waits in it.</param>
/// <param name="AnonymousPerDayPer1000">Unrecognised callers who give up, per day per 1000 customers.</param>
internal sealed record SeedQueue(string Name, Channel Channel, double AnonymousPerDayPer1000);

/// <summary>The fixed data the generator draws from: countries, products, queues, and how cases are spread.</summary>
internal static class SeedCatalog
{
    public static readonly Weighted<SeedLocale> Locales = new(
        (new SeedLocale("en_US", "en-US", "US", "USD", "+1 ###-###-####", ["gmail.com", "yahoo.com", "outlook.com", "icloud.com"], true), 30),
        (new SeedLocale("en_GB", "en-GB", "GB", "GBP", "+44 7### ######", ["gmail.com", "hotmail.co.uk", "btinternet.com", "outlook.com"], false), 20),
        (new SeedLocale("de", "de-DE", "DE", "EUR", "+49 15# ########", ["gmx.de", "web.de", "t-online.de", "gmail.com"], false), 18),
        (new SeedLocale("fr", "fr-FR", "FR", "EUR", "+33 6 ## ## ## ##", ["orange.fr", "free.fr", "gmail.com", "laposte.net"], false), 10),
        (new SeedLocale("es", "es-ES", "ES", "EUR", "+34 6## ### ###", ["gmail.com", "hotmail.es", "telefonica.net"], false), 8),
        (new SeedLocale("nl", "nl-NL", "NL", "EUR", "+31 6 ########", ["gmail.com", "ziggo.nl", "kpnmail.nl"], false), 7),
        (new SeedLocale("it", "it-IT", "IT", "EUR", "+39 3## ### ####", ["gmail.com", "libero.it", "virgilio.it"], false), 7));

    public static readonly Weighted<Segment> Segments = new((Segment.Consumer, 72), (Segment.Business, 22), (Segment.Vip, 6));

    /// <summary>How new customers come in.</summary>
    public static readonly Weighted<Channel> AcquisitionChannels = new(
        (Channel.Phone, 24), (Channel.Email, 14), (Channel.Chat, 22), (Channel.SocialMedia, 10), (Channel.InPerson, 22), (Channel.Mail, 8));

    /// <summary>How customers get in touch when something is up.</summary>
    public static readonly Weighted<Channel> InboundChannels = new(
        (Channel.Phone, 38), (Channel.Email, 22), (Channel.Chat, 24), (Channel.SocialMedia, 7), (Channel.InPerson, 6), (Channel.Mail, 3));

    public static readonly SeedProduct[] Devices =
    [
        new("PH-X200", "Nova X200 smartphone", 649m, 24, []),
        new("PH-A50", "Nova A50 smartphone", 279m, 24, []),
        new("TB-P11", "Slate P11 tablet", 399m, 24, []),
        new("LT-Z14", "Zenbook Air 14 laptop", 1099m, 24, []),
        new("HP-Q3", "Quiet3 wireless headphones", 199m, 12, []),
        new("SW-F2", "Pulse F2 smartwatch", 249m, 24, []),
        new("RT-M6", "Mesh6 Wi-Fi router", 179m, 36, []),
        new("SP-H1", "Home Speaker One", 129m, 24, []),
        new("CM-D4", "Doorbell Cam D4", 149m, 24, []),
    ];

    public static readonly SeedProduct[] Subscriptions =
    [
        new("SUB-MOB", "Mobile plan", 25m, 0, ["Mobile S", "Mobile M", "Mobile L"]),
        new("SUB-FIB", "Fibre broadband", 45m, 0, ["Fibre 100", "Fibre 500", "Fibre 1000"]),
        new("SUB-TV", "TV streaming", 15m, 0, ["Stream Basic", "Stream Plus", "Stream Premium"]),
        new("SUB-CLD", "Cloud backup", 5m, 0, ["Cloud 100 GB", "Cloud 1 TB", "Cloud 5 TB"]),
        new("SUB-CARE", "CarePlus device protection", 9m, 0, ["CarePlus", "CarePlus Family"]),
    ];

    /// <summary>Every product by SKU.</summary>
    public static readonly IReadOnlyDictionary<string, SeedProduct> BySku =
        Devices.Concat(Subscriptions).ToDictionary(p => p.Sku, StringComparer.Ordinal);

    /// <summary>The queues: a phone line per team, and the chat, social and store queues.</summary>
    public static readonly SeedQueue[] Queues =
    [
        new("Care line", Channel.Phone, 0.5),
        new("Billing line", Channel.Phone, 0.3),
        new("Tech line", Channel.Phone, 0.35),
        new("Orders line", Channel.Phone, 0.3),
        new("VIP line", Channel.Phone, 0.05),
        new("Web chat", Channel.Chat, 0.4),
        new("Social care", Channel.SocialMedia, 0.1),
        new("Store desk", Channel.InPerson, 0.08),
    ];

    public static readonly Weighted<CaseCategory> InquiryCategories = new(
        (CaseCategory.ProductInformation, 30), (CaseCategory.OrderProcessing, 20), (CaseCategory.Pricing, 14), (CaseCategory.WebsiteNavigation, 10),
        (CaseCategory.AccountAccess, 10), (CaseCategory.Warranty, 6), (CaseCategory.Payment, 5), (CaseCategory.Other, 5));

    public static readonly Weighted<CaseCategory> ComplaintCategories = new(
        (CaseCategory.Billing, 22), (CaseCategory.ShippingDelay, 22), (CaseCategory.DefectiveProduct, 20), (CaseCategory.OrderProcessing, 10),
        (CaseCategory.Pricing, 8), (CaseCategory.Payment, 8), (CaseCategory.Warranty, 6), (CaseCategory.Other, 4));

    public static readonly Weighted<CaseCategory> TechnicalCategories = new(
        (CaseCategory.TechnicalFault, 50), (CaseCategory.AccountAccess, 20), (CaseCategory.DefectiveProduct, 20), (CaseCategory.WebsiteNavigation, 10));

    /// <summary>The queue an inbound contact waits in; null for channels that do not queue (e-mail, letters).</summary>
    public static string? QueueFor(Channel channel, string team, Segment segment) => channel switch
    {
        Channel.Phone when segment == Segment.Vip => "VIP line",
        Channel.Phone => team switch
        {
            SeedStaff.BillingTeam => "Billing line",
            SeedStaff.TechnicalTeam => "Tech line",
            SeedStaff.OrdersTeam => "Orders line",
            _ => "Care line",
        },
        Channel.Chat => "Web chat",
        Channel.SocialMedia => "Social care",
        Channel.InPerson => "Store desk",
        _ => null,
    };

    public static Weighted<Priority> Priorities(CaseKind kind) => kind switch
    {
        CaseKind.Complaint => ComplaintPriorities,
        CaseKind.TechnicalIssue => TechnicalPriorities,
        _ => InquiryPriorities,
    };

    /// <summary>Why the problem behind a case happened, as the agent establishes it.</summary>
    public static Weighted<RootCause> RootCauses(CaseKind kind, CaseCategory category) => (kind, category) switch
    {
        (CaseKind.Inquiry, _) => new((RootCause.NoFault, 80), (RootCause.CustomerError, 12), (RootCause.Unknown, 8)),
        (_, CaseCategory.Billing) => new((RootCause.BillingError, 60), (RootCause.ProcessFailure, 20), (RootCause.SystemFault, 10), (RootCause.CustomerError, 10)),
        (_, CaseCategory.DefectiveProduct) => new((RootCause.ProductDefect, 75), (RootCause.ThirdParty, 15), (RootCause.CustomerError, 10)),
        (_, CaseCategory.ShippingDelay) => new((RootCause.Logistics, 70), (RootCause.ThirdParty, 25), (RootCause.ProcessFailure, 5)),
        (_, CaseCategory.Pricing) => new((RootCause.PricingError, 60), (RootCause.ProcessFailure, 20), (RootCause.CustomerError, 20)),
        (_, CaseCategory.OrderProcessing) => new((RootCause.ProcessFailure, 50), (RootCause.SystemFault, 25), (RootCause.CustomerError, 25)),
        (_, CaseCategory.Payment) => new((RootCause.SystemFault, 40), (RootCause.BillingError, 30), (RootCause.ThirdParty, 30)),
        (_, CaseCategory.Warranty) => new((RootCause.ProductDefect, 60), (RootCause.ProcessFailure, 40)),
        (_, CaseCategory.TechnicalFault) => new((RootCause.SystemFault, 60), (RootCause.ProductDefect, 20), (RootCause.CustomerError, 20)),
        (_, CaseCategory.AccountAccess) => new((RootCause.CustomerError, 60), (RootCause.SystemFault, 40)),
        (_, CaseCategory.WebsiteNavigation) => new((RootCause.CustomerError, 60), (RootCause.SystemFault, 40)),
        _ => new((RootCause.ProcessFailure, 50), (RootCause.CustomerError, 30), (RootCause.ThirdParty, 20)),
    };

    /// <summary>The department a case of this category goes to when the front line cannot solve it.</summary>
    public static Department DepartmentFor(CaseCategory category) => category switch
    {
        CaseCategory.Billing or CaseCategory.Payment => Department.Finance,
        CaseCategory.Pricing => Department.Marketing,
        CaseCategory.ShippingDelay or CaseCategory.OrderProcessing => Department.Logistics,
        CaseCategory.DefectiveProduct or CaseCategory.Warranty or CaseCategory.ProductInformation => Department.Product,
        CaseCategory.TechnicalFault or CaseCategory.AccountAccess or CaseCategory.WebsiteNavigation => Department.Technical,
        _ => Department.Finance,
    };

    /// <summary>The remedy that fits a complaint of this category.</summary>
    public static Weighted<RemedyKind> RemedyKinds(CaseCategory category) => category switch
    {
        CaseCategory.DefectiveProduct or CaseCategory.Warranty => new((RemedyKind.Exchange, 60), (RemedyKind.Refund, 40)),
        CaseCategory.ShippingDelay or CaseCategory.OrderProcessing => new((RemedyKind.Refund, 55), (RemedyKind.ServiceAdjustment, 45)),
        CaseCategory.TechnicalFault => new((RemedyKind.ServiceAdjustment, 70), (RemedyKind.Exchange, 30)),
        _ => new((RemedyKind.Refund, 60), (RemedyKind.ServiceAdjustment, 40)),
    };

    private static readonly Weighted<Priority> ComplaintPriorities = new((Priority.Urgent, 8), (Priority.High, 30), (Priority.Normal, 50), (Priority.Low, 12));
    private static readonly Weighted<Priority> TechnicalPriorities = new((Priority.Urgent, 10), (Priority.High, 30), (Priority.Normal, 50), (Priority.Low, 10));
    private static readonly Weighted<Priority> InquiryPriorities = new((Priority.High, 8), (Priority.Normal, 55), (Priority.Low, 37));
}
