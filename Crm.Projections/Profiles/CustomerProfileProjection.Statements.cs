namespace Crm.Projections.Profiles;

internal sealed partial class CustomerProfileProjection
{
    /// <summary>The projection's SQL, bound to one schema.</summary>
    private sealed class Statements(ReadModelSchema schema)
    {
        public string Register { get; } = schema.Apply("""
            INSERT INTO __schema__.customer_profile
                (customer_id, status, name, emails, phones, address_line1, address_line2, postal_code, city, region, country,
                 language, segment, acquired_channel, preferred_channel, marketing_consent, registered_at,
                 name_search, email_search, phone_search)
            VALUES ($1, 'Active', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, false, $14, $15, $16, $17)
            """);

        public string ChangeDetails { get; } = schema.Apply("""
            UPDATE __schema__.customer_profile
            SET name = $2, emails = $3, phones = $4, address_line1 = $5, address_line2 = $6, postal_code = $7, city = $8,
                region = $9, country = $10, name_search = $11, email_search = $12, phone_search = $13
            WHERE customer_id = $1
            """);

        public string ChangePreferences { get; } = schema.Apply("""
            UPDATE __schema__.customer_profile
            SET preferred_channel = $2, language = $3, marketing_consent = $4, contact_from = $5, contact_to = $6
            WHERE customer_id = $1
            """);

        public string RegisterProduct { get; } = schema.Apply("""
            INSERT INTO __schema__.customer_product (customer_id, product_id, sku, name, purchased_on, warranty_until, plan, subscription)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """);

        public string ChangeSubscription { get; } = schema.Apply("""
            UPDATE __schema__.customer_product SET plan = $3, subscription = $4 WHERE customer_id = $1 AND product_id = $2
            """);

        public string Contact { get; } = schema.Apply("""
            UPDATE __schema__.customer_profile
            SET contacts_total = contacts_total + 1, last_contact_at = GREATEST(last_contact_at, $2)
            WHERE customer_id = $1
            """);

        public string Erase { get; } = schema.Apply($"""
            UPDATE __schema__.customer_profile
            SET status = 'Erased', erased_at = $2, name = '{ErasedName}', emails = ARRAY[]::text[], phones = ARRAY[]::text[],
                address_line1 = NULL, address_line2 = NULL, postal_code = NULL, city = NULL, region = NULL, country = NULL,
                name_search = '', email_search = '', phone_search = ''
            WHERE customer_id = $1
            """);

        public string OpenCasesDelta { get; } = schema.Apply("""
            UPDATE __schema__.customer_profile SET open_cases = open_cases + $2 WHERE customer_id = $1
            """);

        public string Complaint { get; } = schema.Apply("""
            INSERT INTO __schema__.customer_complaint (customer_id, case_id, opened_at) VALUES ($1, $2, $3)
            """);

        public string Refund { get; } = schema.Apply("""
            INSERT INTO __schema__.customer_refund_total AS r (customer_id, currency, refunds, amount) VALUES ($1, $2, 1, $3)
            ON CONFLICT (customer_id, currency) DO UPDATE SET refunds = r.refunds + 1, amount = r.amount + EXCLUDED.amount
            """);

        // The latest answer by (time, position) wins whatever order answers of different cases arrive in.
        public string Satisfaction { get; } = schema.Apply("""
            UPDATE __schema__.customer_profile
            SET csat_sum = csat_sum + COALESCE($2, 0),
                csat_count = csat_count + CASE WHEN $2 IS NULL THEN 0 ELSE 1 END,
                last_nps = CASE WHEN $3 IS NOT NULL AND (last_nps_at IS NULL OR (last_nps_at, last_nps_position) < ($4, $5)) THEN $3 ELSE last_nps END,
                last_nps_position = CASE WHEN $3 IS NOT NULL AND (last_nps_at IS NULL OR (last_nps_at, last_nps_position) < ($4, $5)) THEN $5 ELSE last_nps_position END,
                last_nps_at = CASE WHEN $3 IS NOT NULL AND (last_nps_at IS NULL OR (last_nps_at, last_nps_position) < ($4, $5)) THEN $4 ELSE last_nps_at END
            WHERE customer_id = $1
            """);
    }
}
