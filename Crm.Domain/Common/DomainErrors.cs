using System.Collections.Frozen;

namespace Crm.Domain.Common;

/// <summary>
/// Every error code a decision can answer with. The codes are stable: clients and other teams
/// match on them, so a code is never renamed or reused for another meaning. <see cref="Catalog"/>
/// gives each code's meaning; the README of this project lists them too.
/// </summary>
public static class DomainErrors
{
    // Who may act, and well-formed commands.
    public const string AuthForbidden = "auth.forbidden";
    public const string AuthActorInvalid = "auth.actor_invalid";
    public const string CommandIdEmpty = "command.id_empty";
    public const string CommandStreamMismatch = "command.stream_mismatch";
    public const string CommandValueUndefined = "command.value_undefined";
    public const string TextTooLong = "text.too_long";
    public const string MoneyCurrencyInvalid = "money.currency_invalid";

    // Customers.
    public const string CustomerNotFound = "customer.not_found";
    public const string CustomerAlreadyRegistered = "customer.already_registered";
    public const string CustomerErased = "customer.erased";
    public const string CustomerNameRequired = "customer.name_required";
    public const string CustomerEmailInvalid = "customer.email_invalid";
    public const string CustomerPhoneInvalid = "customer.phone_invalid";
    public const string CustomerContactRequired = "customer.contact_required";
    public const string CustomerAddressInvalid = "customer.address_invalid";
    public const string CustomerLanguageInvalid = "customer.language_invalid";
    public const string PreferencesContactHoursInvalid = "preferences.contact_hours_invalid";
    public const string ErasureReasonRequired = "erasure.reason_required";

    // Products and subscriptions.
    public const string ProductNotFound = "product.not_found";
    public const string ProductAlreadyRegistered = "product.already_registered";
    public const string ProductSkuRequired = "product.sku_required";
    public const string ProductNameRequired = "product.name_required";
    public const string ProductPurchaseInFuture = "product.purchase_in_future";
    public const string ProductWarrantyBeforePurchase = "product.warranty_before_purchase";
    public const string ProductNotSubscription = "product.not_subscription";
    public const string SubscriptionCancelled = "subscription.cancelled";
    public const string SubscriptionPlanRequired = "subscription.plan_required";
    public const string SubscriptionSamePlan = "subscription.same_plan";
    public const string SubscriptionNotActive = "subscription.not_active";
    public const string SubscriptionNotPaused = "subscription.not_paused";
    public const string SubscriptionEffectiveBeforePurchase = "subscription.effective_before_purchase";

    // Contacts (interactions).
    public const string InteractionAlreadyLogged = "interaction.already_logged";
    public const string InteractionDurationsNegative = "interaction.durations_negative";
    public const string InteractionStartedInFuture = "interaction.started_in_future";
    public const string InteractionTopicRequired = "interaction.topic_required";
    public const string InteractionSummaryRequired = "interaction.summary_required";

    // Offers.
    public const string OfferNotFound = "offer.not_found";
    public const string OfferAlreadyPresented = "offer.already_presented";
    public const string OfferAlreadyAnswered = "offer.already_answered";
    public const string OfferExpired = "offer.expired";
    public const string OfferDescriptionRequired = "offer.description_required";
    public const string OfferValidityInPast = "offer.validity_in_past";
    public const string OfferNoMarketingConsent = "offer.no_marketing_consent";

    // Cases.
    public const string CaseNotFound = "case.not_found";
    public const string CaseAlreadyExists = "case.already_exists";
    public const string CaseClosed = "case.closed";
    public const string CaseNotOpen = "case.not_open";
    public const string CaseNotResolved = "case.not_resolved";
    public const string CaseSubjectRequired = "case.subject_required";
    public const string CaseDescriptionRequired = "case.description_required";
    public const string CaseApprovalPending = "case.approval_pending";
    public const string CaseFollowUpsPending = "case.followups_pending";
    public const string AssignmentTargetRequired = "assignment.target_required";
    public const string EscalationTargetRequired = "escalation.target_required";
    public const string EscalationNotHigher = "escalation.not_higher";
    public const string EscalationAlreadyWithDepartment = "escalation.already_with_department";
    public const string EscalationReasonRequired = "escalation.reason_required";
    public const string NoteTextRequired = "note.text_required";
    public const string ResolutionTextRequired = "resolution.text_required";
    public const string ResolutionRootCauseRequired = "resolution.root_cause_required";
    public const string ReopenReasonRequired = "reopen.reason_required";

    // Remedies and approvals.
    public const string RemedyAmountNotPositive = "remedy.amount_not_positive";
    public const string RemedyCurrencyMismatch = "remedy.currency_mismatch";
    public const string RemedyOverAuthority = "remedy.over_authority";
    public const string RemedyAlreadyIssued = "remedy.already_issued";
    public const string RemedyReasonRequired = "remedy.reason_required";
    public const string RemedySkuRequired = "remedy.sku_required";
    public const string RemedyAdjustmentRequired = "remedy.adjustment_required";
    public const string ApprovalNotFound = "approval.not_found";
    public const string ApprovalAlreadyRequested = "approval.already_requested";
    public const string ApprovalWithinAuthority = "approval.within_authority";
    public const string ApprovalByRequester = "approval.by_requester";
    public const string ApprovalOverAuthority = "approval.over_authority";
    public const string ApprovalAlreadyDecided = "approval.already_decided";
    public const string ApprovalReasonRequired = "approval.reason_required";

    // Follow-ups and satisfaction.
    public const string FollowUpNotFound = "followup.not_found";
    public const string FollowUpAlreadyScheduled = "followup.already_scheduled";
    public const string FollowUpDueInPast = "followup.due_in_past";
    public const string FollowUpAlreadyCompleted = "followup.already_completed";
    public const string SatisfactionEmpty = "satisfaction.empty";
    public const string SatisfactionCsatOutOfRange = "satisfaction.csat_out_of_range";
    public const string SatisfactionNpsOutOfRange = "satisfaction.nps_out_of_range";
    public const string SatisfactionAlreadyRecorded = "satisfaction.already_recorded";
    public const string SatisfactionCaseNotResolved = "satisfaction.case_not_resolved";

    // Queues and abandoned contacts.
    public const string QueueNameRequired = "queue.name_required";
    public const string QueueMismatch = "queue.mismatch";
    public const string ContactAlreadyRecorded = "contact.already_recorded";
    public const string ContactWaitNegative = "contact.wait_negative";
    public const string ContactNotQueued = "contact.not_queued";
    public const string ContactInFuture = "contact.in_future";

    /// <summary>Every code with its meaning, for documentation and for clients that show help.</summary>
    public static FrozenDictionary<string, string> Catalog { get; } = new Dictionary<string, string>
    {
        [AuthForbidden] = "The actor's role may not issue this command: Auditor and Service never write, erasure needs a Supervisor or Manager, an Agent assigns cases only to themselves or a team.",
        [AuthActorInvalid] = "The command names no acting actor (empty id or blank name).",
        [CommandIdEmpty] = "A required id in the command is the empty GUID.",
        [CommandStreamMismatch] = "The command addresses another customer, case or queue than the state it was decided against.",
        [CommandValueUndefined] = "A choice in the command (channel, priority, kind, role …) is not one of its defined values.",
        [TextTooLong] = "A text field is longer than its limit (see TextLimits).",
        [MoneyCurrencyInvalid] = "A currency is not three upper-case letters such as EUR.",

        [CustomerNotFound] = "No customer with this id is registered.",
        [CustomerAlreadyRegistered] = "A customer with this id is already registered.",
        [CustomerErased] = "The customer's personal data was erased; nothing more is recorded for them.",
        [CustomerNameRequired] = "The customer's name is blank.",
        [CustomerEmailInvalid] = "An e-mail address is not of the form name@domain.tld.",
        [CustomerPhoneInvalid] = "A phone number does not have 5 to 15 digits (an optional leading +, spaces, dashes, dots and parentheses allowed).",
        [CustomerContactRequired] = "The customer would have no e-mail, no phone and no postal address.",
        [CustomerAddressInvalid] = "The postal address lacks a street line or city, or its country is not a two-letter upper-case code.",
        [CustomerLanguageInvalid] = "The language is not a tag such as en, de-CH or es-419.",
        [PreferencesContactHoursInvalid] = "Contact hours must start before they end.",
        [ErasureReasonRequired] = "An erasure must say why (the request or legal basis).",

        [ProductNotFound] = "The customer has no product with this id.",
        [ProductAlreadyRegistered] = "A product with this id is already registered for the customer.",
        [ProductSkuRequired] = "The product's SKU is blank.",
        [ProductNameRequired] = "The product's name is blank.",
        [ProductPurchaseInFuture] = "The purchase date is later than today.",
        [ProductWarrantyBeforePurchase] = "The warranty would end before the purchase date.",
        [ProductNotSubscription] = "The product is a one-off purchase, not a subscription, so it has no plan to change.",
        [SubscriptionCancelled] = "The subscription is cancelled; register a new one instead.",
        [SubscriptionPlanRequired] = "A plan change names no plan.",
        [SubscriptionSamePlan] = "The subscription is already on this plan.",
        [SubscriptionNotActive] = "Only an active subscription can be paused.",
        [SubscriptionNotPaused] = "Only a paused subscription can be resumed.",
        [SubscriptionEffectiveBeforePurchase] = "A subscription change cannot take effect before the product was purchased.",

        [InteractionAlreadyLogged] = "A contact with this id is already logged.",
        [InteractionDurationsNegative] = "Talk, hold or wrap-up seconds are negative.",
        [InteractionStartedInFuture] = "The contact would start later than now.",
        [InteractionTopicRequired] = "The contact's topic is blank.",
        [InteractionSummaryRequired] = "The contact's summary is blank.",

        [OfferNotFound] = "No offer with this id was presented to the customer.",
        [OfferAlreadyPresented] = "An offer with this id was already presented.",
        [OfferAlreadyAnswered] = "The customer already accepted or declined this offer.",
        [OfferExpired] = "The offer's validity has ended.",
        [OfferDescriptionRequired] = "The offer's description is blank.",
        [OfferValidityInPast] = "The offer would already have expired when presented.",
        [OfferNoMarketingConsent] = "Cross-sell, upsell and referral offers need the customer's marketing consent (loyalty offers do not).",

        [CaseNotFound] = "No case with this id is open or was ever opened.",
        [CaseAlreadyExists] = "A case with this id already exists.",
        [CaseClosed] = "The case is closed and can no longer be changed; open a new case.",
        [CaseNotOpen] = "The case is not open (it is resolved); reopen it first.",
        [CaseNotResolved] = "The case is not resolved: only a resolved case can be reopened or closed.",
        [CaseSubjectRequired] = "The case's subject is blank.",
        [CaseDescriptionRequired] = "The case's description is blank.",
        [CaseApprovalPending] = "A remedy approval request is still pending; approve or reject it first.",
        [CaseFollowUpsPending] = "A scheduled follow-up is not completed yet.",
        [AssignmentTargetRequired] = "An assignment names neither an agent nor a team.",
        [EscalationTargetRequired] = "An escalation names neither a tier nor a department.",
        [EscalationNotHigher] = "The tier is not above both the case's current tier and the escalating actor's own role.",
        [EscalationAlreadyWithDepartment] = "The case is already escalated to this department.",
        [EscalationReasonRequired] = "An escalation must give a reason.",
        [NoteTextRequired] = "The note is blank.",
        [ResolutionTextRequired] = "A resolution must say how the case was resolved.",
        [ResolutionRootCauseRequired] = "A complaint cannot be resolved with root cause Unknown.",
        [ReopenReasonRequired] = "Reopening must give a reason.",

        [RemedyAmountNotPositive] = "A remedy's amount or value is zero or negative.",
        [RemedyCurrencyMismatch] = "A remedy's currency differs from the case's currency.",
        [RemedyOverAuthority] = "The case's remedies would exceed the actor's authority limit; request approval instead.",
        [RemedyAlreadyIssued] = "A remedy with this id was already issued.",
        [RemedyReasonRequired] = "A remedy must give a reason.",
        [RemedySkuRequired] = "An exchange must name the returned and the replacement SKU.",
        [RemedyAdjustmentRequired] = "A service adjustment must say what is adjusted.",
        [ApprovalNotFound] = "No approval request with this id exists on the case.",
        [ApprovalAlreadyRequested] = "An approval request with this id already exists.",
        [ApprovalWithinAuthority] = "The remedy is within the actor's own authority; issue it directly.",
        [ApprovalByRequester] = "The actor who requested an approval cannot decide it.",
        [ApprovalOverAuthority] = "The case's remedies would exceed the deciding actor's own authority limit.",
        [ApprovalAlreadyDecided] = "The approval request was already approved or rejected.",
        [ApprovalReasonRequired] = "A rejection must give a reason.",

        [FollowUpNotFound] = "No follow-up with this id is scheduled on the case.",
        [FollowUpAlreadyScheduled] = "A follow-up with this id is already scheduled.",
        [FollowUpDueInPast] = "A follow-up must be due later than now.",
        [FollowUpAlreadyCompleted] = "The follow-up is already completed.",
        [SatisfactionEmpty] = "A satisfaction answer has neither CSAT nor NPS.",
        [SatisfactionCsatOutOfRange] = "CSAT must be from 1 to 5.",
        [SatisfactionNpsOutOfRange] = "NPS must be from 0 to 10.",
        [SatisfactionAlreadyRecorded] = "The case already has a satisfaction answer.",
        [SatisfactionCaseNotResolved] = "Satisfaction is recorded only for a resolved or closed case.",

        [QueueNameRequired] = "The queue's name is blank.",
        [QueueMismatch] = "The contact names another queue than the queue's stream.",
        [ContactAlreadyRecorded] = "A contact with this id is already recorded as abandoned.",
        [ContactWaitNegative] = "The wait is negative.",
        [ContactNotQueued] = "E-mail and mail do not wait in a live queue, so they cannot be abandoned.",
        [ContactInFuture] = "The contact would have entered the queue or been abandoned later than now.",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
