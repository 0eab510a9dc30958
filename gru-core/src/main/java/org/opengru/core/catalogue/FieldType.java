package org.opengru.core.catalogue;

/**
 * The types of a form field, with the JSON-compatible value each takes in {@link FormData}: text →
 * string; number → number; date → ISO string {@code 2026-01-31}; email, phone, SIRET, IBAN → string
 * (checked and normalised); postal address → object {@code {lines, postalCode, city, country}}; yes/no →
 * boolean; single choice → string; multiple choice → list of strings.
 */
public enum FieldType {
    TEXT,
    NUMBER,
    DATE,
    EMAIL,
    PHONE,
    POSTAL_ADDRESS,
    SIRET,
    IBAN,
    YES_NO,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE
}
