-- The CRM read models. Every table here is derived from the event log and can be rebuilt from it.
-- __schema__ is replaced by the (quoted) schema name the migrator is configured with, so a rebuild
-- can fill a second schema while the first keeps serving reads.

-- Fuzzy customer search. The extension is database-wide; it lands in the first schema of the
-- search path (normally public) and its operators are used unqualified.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

---------------------------------------------------------------------------------------------------
-- Customer timeline (inline): one row per event of a customer, of their cases, and of contacts
-- they abandoned in a queue.
---------------------------------------------------------------------------------------------------

-- Which customer a case belongs to, written when CaseOpened is projected.
CREATE TABLE __schema__.case_customer (
    case_id     uuid        PRIMARY KEY,
    customer_id uuid        NOT NULL,
    opened_at   timestamptz NOT NULL
);
CREATE INDEX case_customer_by_customer ON __schema__.case_customer (customer_id);

CREATE TABLE __schema__.customer_timeline (
    position       bigint      PRIMARY KEY,
    customer_id    uuid        NOT NULL,
    stream_id      text        NOT NULL,
    stream_version bigint      NOT NULL,
    at             timestamptz NOT NULL,
    kind           text        NOT NULL,
    title          text        NOT NULL,
    summary        text        NOT NULL,
    actor_id       uuid        NOT NULL,
    actor_name     text        NOT NULL,
    actor_role     text        NOT NULL,
    channel        text,
    case_id        uuid
);
-- Newest-first keyset pages of one customer, optionally cut to a time range.
CREATE INDEX customer_timeline_newest ON __schema__.customer_timeline (customer_id, at DESC, position DESC);
-- The same, filtered by kind (and the erasure check, which looks for one kind).
CREATE INDEX customer_timeline_kind ON __schema__.customer_timeline (customer_id, kind, at DESC, position DESC);

---------------------------------------------------------------------------------------------------
-- Customer profile (inline): current details, products and the service statistics.
---------------------------------------------------------------------------------------------------

CREATE TABLE __schema__.customer_profile (
    customer_id        uuid        PRIMARY KEY,
    status             text        NOT NULL,
    name               text        NOT NULL,
    emails             text[]      NOT NULL,
    phones             text[]      NOT NULL,
    address_line1      text,
    address_line2      text,
    postal_code        text,
    city               text,
    region             text,
    country            text,
    language           text        NOT NULL,
    segment            text        NOT NULL,
    acquired_channel   text        NOT NULL,
    preferred_channel  text        NOT NULL,
    marketing_consent  boolean     NOT NULL,
    contact_from       time,
    contact_to         time,
    registered_at      timestamptz NOT NULL,
    erased_at          timestamptz,
    open_cases         integer     NOT NULL DEFAULT 0,
    contacts_total     integer     NOT NULL DEFAULT 0,
    last_contact_at    timestamptz,
    csat_sum           integer     NOT NULL DEFAULT 0,
    csat_count         integer     NOT NULL DEFAULT 0,
    last_nps           smallint,
    last_nps_at        timestamptz,
    last_nps_position  bigint,
    -- Search keys: the name in lower case, the e-mails in lower case and the phones as digits,
    -- each list joined by spaces. Empty once the customer is erased.
    name_search        text        NOT NULL,
    email_search       text        NOT NULL,
    phone_search       text        NOT NULL
);
CREATE INDEX customer_profile_name_trgm ON __schema__.customer_profile USING gin (name_search gin_trgm_ops);
CREATE INDEX customer_profile_email_trgm ON __schema__.customer_profile USING gin (email_search gin_trgm_ops);
CREATE INDEX customer_profile_phone_trgm ON __schema__.customer_profile USING gin (phone_search gin_trgm_ops);

CREATE TABLE __schema__.customer_product (
    customer_id    uuid NOT NULL,
    product_id     uuid NOT NULL,
    sku            text NOT NULL,
    name           text NOT NULL,
    purchased_on   date NOT NULL,
    warranty_until date,
    plan           text,
    subscription   text NOT NULL,
    PRIMARY KEY (customer_id, product_id)
);

-- Complaints by opening time, so "complaints in the last 30 days" is counted when asked.
CREATE TABLE __schema__.customer_complaint (
    customer_id uuid        NOT NULL,
    case_id     uuid        NOT NULL,
    opened_at   timestamptz NOT NULL,
    PRIMARY KEY (customer_id, case_id)
);
CREATE INDEX customer_complaint_recent ON __schema__.customer_complaint (customer_id, opened_at DESC);

CREATE TABLE __schema__.customer_refund_total (
    customer_id uuid          NOT NULL,
    currency    text          NOT NULL,
    refunds     integer       NOT NULL,
    amount      numeric(19,4) NOT NULL,
    PRIMARY KEY (customer_id, currency)
);

---------------------------------------------------------------------------------------------------
-- Case (inline). A row can be created by a contact linked to the case before CaseOpened is
-- projected (the two are appended to different streams); such a row has no status yet.
---------------------------------------------------------------------------------------------------

CREATE TABLE __schema__.case_view (
    case_id                  uuid          PRIMARY KEY,
    customer_id              uuid          NOT NULL,
    status                   text,
    kind                     text,
    category                 text,
    priority                 text,
    channel                  text,
    subject                  text,
    currency                 text,
    opened_at                timestamptz,
    opened_by_id             uuid,
    opened_by_name           text,
    assignee_agent_id        uuid,
    assignee_team            text,
    escalation_tier          text,
    escalation_department    text,
    escalations              integer       NOT NULL DEFAULT 0,
    remedies                 integer       NOT NULL DEFAULT 0,
    remedy_total             numeric(19,4) NOT NULL DEFAULT 0,
    refund_total             numeric(19,4) NOT NULL DEFAULT 0,
    pending_approvals        integer       NOT NULL DEFAULT 0,
    notes                    integer       NOT NULL DEFAULT 0,
    open_follow_ups          integer       NOT NULL DEFAULT 0,
    contacts                 integer       NOT NULL DEFAULT 0,
    first_response_due       timestamptz,
    resolution_due           timestamptz,
    first_response_at        timestamptz,
    first_response_seconds   bigint,
    first_resolved_at        timestamptz,
    first_resolution_seconds bigint,
    resolved_at              timestamptz,
    resolution_seconds       bigint,
    closed_at                timestamptz,
    root_cause               text,
    first_response_sla       text          NOT NULL DEFAULT 'Pending',
    resolution_sla           text          NOT NULL DEFAULT 'Pending',
    reopen_count             integer       NOT NULL DEFAULT 0,
    -- First contact resolution: resolved with exactly one customer contact and never reopened.
    fcr                      boolean       GENERATED ALWAYS AS (
                                 status IS NOT NULL AND status IN ('Resolved', 'Closed')
                                 AND contacts = 1 AND reopen_count = 0) STORED,
    csat                     smallint,
    nps                      smallint,
    satisfaction_at          timestamptz,
    last_event_at            timestamptz,
    version                  bigint
);
-- Newest-first keyset lists, filtered by the selective filters.
CREATE INDEX case_view_newest ON __schema__.case_view (opened_at DESC, case_id DESC);
CREATE INDEX case_view_by_customer ON __schema__.case_view (customer_id, opened_at DESC, case_id DESC);
CREATE INDEX case_view_by_status ON __schema__.case_view (status, opened_at DESC, case_id DESC);
CREATE INDEX case_view_by_category ON __schema__.case_view (category, opened_at DESC, case_id DESC);
CREATE INDEX case_view_by_assignee ON __schema__.case_view (assignee_agent_id, opened_at DESC, case_id DESC)
    WHERE assignee_agent_id IS NOT NULL;

CREATE TABLE __schema__.case_escalation (
    case_id    uuid        NOT NULL,
    position   bigint      NOT NULL,
    at         timestamptz NOT NULL,
    tier       text,
    department text,
    reason     text        NOT NULL,
    by_id      uuid        NOT NULL,
    by_name    text        NOT NULL,
    by_role    text        NOT NULL,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE __schema__.case_remedy (
    case_id             uuid          NOT NULL,
    remedy_id           uuid          NOT NULL,
    position            bigint        NOT NULL,
    kind                text          NOT NULL,
    amount              numeric(19,4) NOT NULL,
    currency            text          NOT NULL,
    at                  timestamptz   NOT NULL,
    by_id               uuid          NOT NULL,
    by_name             text          NOT NULL,
    by_role             text          NOT NULL,
    approval_request_id uuid,
    PRIMARY KEY (case_id, remedy_id)
);

---------------------------------------------------------------------------------------------------
-- Trends (async): counters per day x dimension x value; every KPI is a ratio of sums of these.
-- Dimensions: total (value 'all'), category, channel, kind, queue, agent (value: the agent's id).
---------------------------------------------------------------------------------------------------

CREATE TABLE __schema__.trend_daily (
    dimension                   text   NOT NULL,
    day                         date   NOT NULL,
    value                       text   NOT NULL,
    contacts                    bigint NOT NULL DEFAULT 0,
    handled_contacts            bigint NOT NULL DEFAULT 0,
    talk_seconds                bigint NOT NULL DEFAULT 0,
    hold_seconds                bigint NOT NULL DEFAULT 0,
    wrap_up_seconds             bigint NOT NULL DEFAULT 0,
    offered_contacts            bigint NOT NULL DEFAULT 0,
    abandoned_contacts          bigint NOT NULL DEFAULT 0,
    cases_opened                bigint NOT NULL DEFAULT 0,
    complaints                  bigint NOT NULL DEFAULT 0,
    cases_resolved              bigint NOT NULL DEFAULT 0,
    reopens                     bigint NOT NULL DEFAULT 0,
    escalations                 bigint NOT NULL DEFAULT 0,
    escalated_cases             bigint NOT NULL DEFAULT 0,
    first_response_sla_met      bigint NOT NULL DEFAULT 0,
    first_response_sla_breached bigint NOT NULL DEFAULT 0,
    resolution_sla_met          bigint NOT NULL DEFAULT 0,
    resolution_sla_breached     bigint NOT NULL DEFAULT 0,
    first_response_seconds_sum  bigint NOT NULL DEFAULT 0,
    first_response_count        bigint NOT NULL DEFAULT 0,
    resolution_seconds_sum      bigint NOT NULL DEFAULT 0,
    resolution_count            bigint NOT NULL DEFAULT 0,
    fcr_numerator               bigint NOT NULL DEFAULT 0,
    fcr_denominator             bigint NOT NULL DEFAULT 0,
    remedies                    bigint NOT NULL DEFAULT 0,
    refunds                     bigint NOT NULL DEFAULT 0,
    csat_answers                bigint NOT NULL DEFAULT 0,
    csat_satisfied              bigint NOT NULL DEFAULT 0,
    csat_sum                    bigint NOT NULL DEFAULT 0,
    nps_answers                 bigint NOT NULL DEFAULT 0,
    nps_promoters               bigint NOT NULL DEFAULT 0,
    nps_detractors              bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, day, value)
);

-- Refunded amounts, per currency (amounts in different currencies are never added together).
CREATE TABLE __schema__.trend_refund_daily (
    dimension text          NOT NULL,
    day       date          NOT NULL,
    value     text          NOT NULL,
    currency  text          NOT NULL,
    refunds   bigint        NOT NULL DEFAULT 0,
    amount    numeric(19,4) NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, day, value, currency)
);

-- What the trend projection remembers about each case to attribute later events.
CREATE TABLE __schema__.trend_case (
    case_id             uuid        PRIMARY KEY,
    kind                text,
    category            text,
    channel             text,
    opened_at           timestamptz,
    first_response_due  timestamptz,
    resolution_due      timestamptz,
    assignee_agent_id   uuid,
    first_response_at   timestamptz,
    first_resolved_at   timestamptz,
    first_response_sla  text        NOT NULL,
    resolution_sla      text        NOT NULL,
    contacts            integer     NOT NULL,
    reopen_count        integer     NOT NULL,
    escalated           boolean     NOT NULL,
    fcr_day             date,
    fcr_agent_id        uuid,
    fcr_counted         boolean     NOT NULL
);

---------------------------------------------------------------------------------------------------
-- Agent performance (async): per agent per day.
---------------------------------------------------------------------------------------------------

CREATE TABLE __schema__.agent_daily (
    agent_id         uuid   NOT NULL,
    day              date   NOT NULL,
    contacts         bigint NOT NULL DEFAULT 0,
    handled_contacts bigint NOT NULL DEFAULT 0,
    talk_seconds     bigint NOT NULL DEFAULT 0,
    hold_seconds     bigint NOT NULL DEFAULT 0,
    wrap_up_seconds  bigint NOT NULL DEFAULT 0,
    cases_resolved   bigint NOT NULL DEFAULT 0,
    fcr_numerator    bigint NOT NULL DEFAULT 0,
    fcr_denominator  bigint NOT NULL DEFAULT 0,
    csat_answers     bigint NOT NULL DEFAULT 0,
    csat_satisfied   bigint NOT NULL DEFAULT 0,
    csat_sum         bigint NOT NULL DEFAULT 0,
    escalations      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (agent_id, day)
);
CREATE INDEX agent_daily_by_day ON __schema__.agent_daily (day, agent_id);

-- The agent projection's own memory of each case (it keeps its own checkpoint, so it cannot
-- share the trend projection's).
CREATE TABLE __schema__.agent_case (LIKE __schema__.trend_case INCLUDING ALL);
