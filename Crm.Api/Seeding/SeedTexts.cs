using System.Globalization;
using Bogus;
using Crm.Domain.Cases;
using Crm.Domain.Customers;

namespace Crm.Api.Seeding;

/// <summary>What the texts of one case talk about.</summary>
/// <param name="Product">The product concerned.</param>
/// <param name="Order">An order number.</param>
/// <param name="Invoice">An invoice number.</param>
internal sealed record TextSubject(string Product, string Order, string Invoice)
{
    public static TextSubject Draw(Randomizer random, string product) =>
        new(product, random.Replace("SO-########"), random.Replace("INV-######"));

    public string Fill(string template) => template
        .Replace("{product}", Product, StringComparison.Ordinal)
        .Replace("{order}", Order, StringComparison.Ordinal)
        .Replace("{invoice}", Invoice, StringComparison.Ordinal);
}

/// <summary>The words of the history: subjects, descriptions, summaries, notes, reasons, comments.</summary>
internal static class SeedTexts
{
    public static string Subject(Randomizer random, CaseKind kind, CaseCategory category, TextSubject about) =>
        about.Fill(random.ArrayElement(Subjects(kind, category)));

    public static string Description(Randomizer random, CaseKind kind, CaseCategory category, TextSubject about) =>
        about.Fill(random.ArrayElement(Descriptions(kind, category)));

    public static string Topic(CaseKind kind, CaseCategory category) => (kind, category) switch
    {
        (_, CaseCategory.Billing) => "Invoice query",
        (_, CaseCategory.DefectiveProduct) => "Faulty product",
        (_, CaseCategory.ShippingDelay) => "Delivery status",
        (_, CaseCategory.ProductInformation) => "Product question",
        (_, CaseCategory.Pricing) => "Price question",
        (_, CaseCategory.OrderProcessing) => "Order change",
        (_, CaseCategory.Payment) => "Payment problem",
        (_, CaseCategory.Warranty) => "Warranty claim",
        (_, CaseCategory.WebsiteNavigation) => "Website help",
        (_, CaseCategory.AccountAccess) => "Account access",
        (_, CaseCategory.TechnicalFault) => "Technical fault",
        (CaseKind.Complaint, _) => "Complaint",
        _ => "General question",
    };

    /// <summary>What the customer said in a contact about a case, in a sentence or two.</summary>
    public static string ContactSummary(Randomizer random, bool opening, string subject, TextSubject about)
    {
        var text = opening
            ? random.ArrayElement(OpeningSummaries)
            : random.ArrayElement(FollowingSummaries);
        return about.Fill(text.Replace("{subject}", subject, StringComparison.Ordinal));
    }

    /// <summary>A contact that needs no case: the question and what the customer was told.</summary>
    public static (string Topic, string Summary) QuickContact(Randomizer random, TextSubject about)
    {
        var (topic, summary) = random.ArrayElement(QuickContacts);
        return (topic, about.Fill(summary));
    }

    public static string InternalNote(Randomizer random, TextSubject about) => about.Fill(random.ArrayElement(InternalNotes));

    public static string CustomerReply(Randomizer random, TextSubject about) => about.Fill(random.ArrayElement(CustomerReplies));

    public static string DepartmentReason(Randomizer random, Department department) => random.ArrayElement(department switch
    {
        Department.Finance => ["Charge needs to be checked against the payment ledger.", "Refund over the standard process; finance to confirm the booking.", "Duplicate debit suspected; finance to investigate with the bank."],
        Department.Logistics => ["Parcel stuck at the carrier hub; logistics to chase the carrier.", "Warehouse shows the item as shipped but tracking has no scan.", "Order needs a manual change in the warehouse system."],
        Department.Product => ["Recurring fault on this model; product quality to assess.", "Customer reports a fault pattern we have seen before; product team to review.", "Warranty decision needs a product specialist."],
        Department.Technical => ["Fault reproduced; needs second-line technical support.", "Account locked by the fraud rules; technical team to review.", "Error on the website checkout, engineering to look at the logs."],
        _ => ["Campaign price not applied; marketing to confirm the promotion terms.", "Customer refers to an advert; marketing to confirm what was promised."],
    });

    public static string TierReason(Randomizer random, EscalationTier tier) => random.ArrayElement(tier == EscalationTier.Supervisor
        ? ["Customer asked to speak to a supervisor.", "Remedy likely above agent authority.", "Second complaint about the same issue; supervisor to take over.", "Customer threatens to cancel; needs a supervisor's decision."]
        : ["Customer escalated in writing to management.", "High-value customer, repeated failure; manager to decide.", "Possible legal claim; manager to handle."]);

    public static string RemedyReason(Randomizer random, RemedyKind kind) => random.ArrayElement(kind switch
    {
        RemedyKind.Exchange => ["Device faulty within warranty; replacement sent.", "Item arrived damaged; exchanged for a new one.", "Wrong model delivered; exchanged."],
        RemedyKind.ServiceAdjustment => ["Goodwill credit for the inconvenience.", "Service outage compensation.", "Credit for the delay caused on our side."],
        _ => ["Overcharge refunded.", "Refund of the delivery fee for the late parcel.", "Partial refund as goodwill.", "Duplicate payment returned."],
    });

    public static string Adjustment(Randomizer random) => random.ArrayElement(
        ["One month's fee waived", "Credit on the next invoice", "Free upgrade for three months", "Activation fee waived", "Late-payment fee reversed"]);

    public static string RejectionReason(Randomizer random) => random.ArrayElement(
        ["Amount not justified by the facts of the case; offer the standard credit instead.",
         "Damage not covered by the warranty terms.",
         "Delay within the delivery window stated at checkout.",
         "Customer already compensated for this issue in an earlier case."]);

    public static string Resolution(Randomizer random, CaseKind kind, RootCause rootCause) => random.ArrayElement(rootCause switch
    {
        RootCause.NoFault or RootCause.Unknown => ["Answered the customer's question.", "Explained how it works and sent the guide.", "Provided the information requested."],
        RootCause.CustomerError => ["Walked the customer through the correct steps; working now.", "Customer had used an old password; reset done.", "Explained the terms; customer accepted."],
        RootCause.Logistics or RootCause.ThirdParty => ["Carrier delivered after our chase; customer compensated.", "Parcel re-sent with express delivery.", "Partner confirmed the fix; customer informed."],
        RootCause.BillingError or RootCause.PricingError => ["Invoice corrected and difference refunded.", "Price corrected to the advertised amount.", "Billing fixed for the coming months."],
        RootCause.ProductDefect => ["Replacement device delivered and working.", "Device repaired under warranty.", "Faulty unit replaced; old one collected."],
        RootCause.SystemFault => ["Bug fixed by engineering; customer confirmed it works.", "Service restored after the outage.", "System error corrected and the account repaired."],
        _ => kind == CaseKind.Complaint
            ? ["Process corrected and the customer compensated.", "Handled by the team; customer informed of the outcome."]
            : ["Issue handled; customer informed."],
    });

    public static string ReopenReason(Randomizer random) => random.ArrayElement(
        ["Customer reports the problem is back.", "The promised refund has not arrived.", "Replacement shows the same fault.", "Customer disagrees with the outcome."]);

    public static string FollowUpNote(Randomizer random) => random.ArrayElement(
        ["Call to check the fix holds.", "Confirm the refund has arrived.", "Check the replacement works.", "Ask whether anything else is needed."]);

    public static string FollowUpOutcome(Randomizer random, bool satisfied) => random.ArrayElement(satisfied
        ? ["Customer confirmed all is well.", "Refund received, customer happy.", "Everything works now."]
        : ["Customer still unhappy with how long it took.", "Customer says the problem comes and goes.", "Customer expected more compensation."]);

    public static string? SurveyComment(Randomizer random, int? csat, int? nps)
    {
        if (random.Chance(0.45))
        {
            return null;
        }
        var score = csat ?? (nps is { } n ? (n + 1) / 2 : 3);
        return random.ArrayElement(score switch
        {
            >= 5 => ["Quick and friendly, thank you!", "Sorted in one call. Great service.", "Very helpful agent."],
            4 => ["Good, though it took a while.", "Helpful, but I had to explain twice.", "Fine in the end."],
            3 => ["OK, nothing special.", "Took longer than I hoped.", "Solved, but the process was confusing."],
            2 => ["Too slow, I had to chase you.", "Nobody called back as promised.", "Compensation was too little."],
            _ => ["Terrible experience, considering leaving.", "I had to call five times.", "Still not fixed properly."],
        });
    }

    public static string OfferDescription(Randomizer random, OfferKind kind, string target) => kind switch
    {
        OfferKind.CrossSell => $"{random.ArrayElement(Discounts)} off {target} for existing customers",
        OfferKind.Upsell => $"Upgrade to {target} with the first {random.Number(2, 3)} months at the current price",
        OfferKind.Loyalty => random.ArrayElement(LoyaltyOffers),
        _ => "Refer a friend: 25 credit for each of you when they join",
    };

    public static string DeclineReason(Randomizer random) => random.ArrayElement(
        ["Not interested right now.", "Too expensive for me.", "Already have something similar.", "Will think about it later."]);

    public static string ErasureReason(Randomizer random) => random.ArrayElement(
        ["Customer requested erasure of their personal data (GDPR Art. 17).", "Account closed; customer asked for their data to be deleted."]);

    public static string RegistrationSummary(Randomizer random) => random.ArrayElement(
        ["New customer set up; details and preferences taken.", "Registered the customer and explained the services.", "Account opened after the purchase."]);

    public static string OfferContactSummary(Randomizer random, string offer) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.ArrayElement(OfferCalls)}: presented '{offer}'.");

    private static string[] Subjects(CaseKind kind, CaseCategory category) => (kind, category) switch
    {
        (CaseKind.Inquiry, CaseCategory.ProductInformation) => ["Question about the {product}", "Is the {product} compatible with my setup?", "Which accessories fit the {product}?"],
        (CaseKind.Inquiry, CaseCategory.OrderProcessing) => ["Change delivery address for order {order}", "Add an item to order {order}", "Cancel order {order}"],
        (CaseKind.Inquiry, CaseCategory.Pricing) => ["Price of the {product}", "Is there a discount for the {product}?", "Business pricing for the {product}"],
        (CaseKind.Inquiry, CaseCategory.Payment) => ["Payment options for order {order}", "Can I pay invoice {invoice} in instalments?"],
        (CaseKind.Inquiry, CaseCategory.Warranty) => ["Warranty period of the {product}", "Does the warranty cover the battery?"],
        (_, CaseCategory.WebsiteNavigation) => ["Cannot find my invoices online", "Where do I change my plan on the website?", "Checkout page does not load"],
        (_, CaseCategory.AccountAccess) => ["Cannot log in to my account", "Password reset e-mail never arrives", "Account locked after login attempts"],
        (_, CaseCategory.Billing) => ["Charged twice on invoice {invoice}", "Invoice {invoice} higher than agreed", "Unknown charge on my bill"],
        (_, CaseCategory.ShippingDelay) => ["Order {order} not delivered", "Parcel for order {order} stuck in transit", "Delivery of order {order} is two weeks late"],
        (_, CaseCategory.DefectiveProduct) => ["{product} stopped working", "{product} arrived damaged", "{product} keeps restarting"],
        (_, CaseCategory.Pricing) => ["Charged more than the advertised price", "Promotion not applied to order {order}"],
        (_, CaseCategory.OrderProcessing) => ["Order {order} was cancelled without notice", "Wrong item sent for order {order}"],
        (_, CaseCategory.Payment) => ["Payment for order {order} failed but money was taken", "Direct debit taken twice"],
        (_, CaseCategory.Warranty) => ["Warranty repair of the {product} refused", "Repair of the {product} taking too long"],
        (_, CaseCategory.TechnicalFault) => ["{product} keeps dropping the connection", "No service since yesterday", "{product} update failed"],
        _ => ["Unhappy with the service", "Feedback about my last visit", "General question"],
    };

    private static string[] Descriptions(CaseKind kind, CaseCategory category) => (kind, category) switch
    {
        (CaseKind.Inquiry, _) =>
        [
            "The customer would like to know more before deciding. Reference: order {order}.",
            "Customer asked for details and options; wants an answer by e-mail.",
            "Question raised during a call; needs checking with the product information.",
        ],
        (_, CaseCategory.Billing) =>
        [
            "Invoice {invoice} shows a charge the customer does not recognise. They ask for a correction and a refund.",
            "The customer was billed twice for the same month and wants the duplicate returned.",
        ],
        (_, CaseCategory.ShippingDelay) =>
        [
            "Order {order} was promised within three days and has not arrived. Tracking has not moved.",
            "The carrier marked order {order} as delivered but the customer has nothing.",
        ],
        (_, CaseCategory.DefectiveProduct) or (_, CaseCategory.Warranty) =>
        [
            "The {product} from order {order} stopped working after a few weeks. Customer tried a reset.",
            "The {product} was damaged on arrival; photos sent by the customer.",
            "Recurring fault on the {product}; second time the customer reports it.",
        ],
        (_, CaseCategory.TechnicalFault) or (_, CaseCategory.AccountAccess) or (_, CaseCategory.WebsiteNavigation) =>
        [
            "Customer cannot use the service; error appears every time. Tried on two devices.",
            "Connection drops several times a day since the last update of the {product}.",
            "Login fails with an error; password reset did not help.",
        ],
        _ =>
        [
            "The customer is unhappy with how order {order} was handled and wants it put right.",
            "Customer reports the price charged differs from what was offered.",
        ],
    };

    private static readonly string[] Discounts = ["15%", "20%", "25%"];

    private static readonly string[] LoyaltyOffers =
        ["One month free as a thank-you for staying with us", "Loyalty voucher worth 20 on the next order", "Free express delivery for a year"];

    private static readonly string[] OfferCalls = ["Courtesy call", "Account review call", "Renewal call"];

    private static readonly string[] OpeningSummaries =
    [
        "Customer got in touch about: {subject}. Took the details and opened a case.",
        "Customer explained the issue ({subject}); case opened, next steps agreed.",
        "Call about '{subject}'. Checked order {order}; case opened.",
    ];

    private static readonly string[] FollowingSummaries =
    [
        "Customer chased progress on '{subject}'. Gave an update.",
        "Customer called back about '{subject}'; explained where things stand.",
        "Customer sent more details about order {order}.",
    ];

    private static readonly (string Topic, string Summary)[] QuickContacts =
    [
        ("Order status", "Customer asked where order {order} is; it is on its way, tracking link sent."),
        ("Opening hours", "Customer asked about store opening hours over the holidays."),
        ("Invoice copy", "Sent a copy of invoice {invoice} by e-mail."),
        ("Address change", "Customer asked how to change the address; explained the online form."),
        ("Product question", "Customer asked whether the {product} supports fast charging. It does."),
        ("Payment date", "Customer asked when the next direct debit is taken."),
        ("Returns", "Explained the 30-day return policy for order {order}."),
        ("Plan question", "Customer asked about the options of their plan; explained them."),
    ];

    private static readonly string[] InternalNotes =
    [
        "Checked the order history; {order} shipped on time from the warehouse.",
        "Asked the carrier for a status update.",
        "Verified the customer's identity; account history looks normal.",
        "Similar reports this week for the {product}; linked for the product team.",
        "Waiting for confirmation from the second line.",
    ];

    private static readonly string[] CustomerReplies =
    [
        "Thank you for your message. We are looking into order {order} and will get back to you shortly.",
        "We are sorry about the trouble with your {product}. A specialist is on it.",
        "We have received your request and will update you within one working day.",
    ];
}
