package org.opengru.core.catalogue;

/**
 * The types of a form field, with the JSON-compatible value each takes in {@link FormData} once
 * normalised:
 *
 * <ul>
 *   <li>text → string; number → number; date → ISO string {@code 2026-01-31}; email, phone, SIRET, IBAN →
 *       string (checked and normalised); yes/no → boolean; single choice → string; multiple choice → list
 *       of strings;
 *   <li>postal address → {@code {lines, postalCode, city, country}};
 *   <li>{@link #ADDRESS} → {@code {lines, postalCode, city, citycode?, position?, verification?}};
 *   <li>{@link #GEO_POINT} → {@code {lat, lon, accuracy?}};
 *   <li>{@link #COMMUNE} → {@code {code, name}};
 *   <li>{@link #REPEATED_GROUP} → a list of objects, each the values of the group's own fields;
 *   <li>{@link #FILE} → {@code {type, documentRef}};
 *   <li>{@link #DATE_RANGE} → {@code {start, end}}.
 * </ul>
 *
 * <p>A {@link Condition} compares a value's text: for a commune its code, for an address its INSEE code,
 * for a file its document type, for a group its number of items; a point and a date range only have
 * {@code PRESENT} and {@code ABSENT}.
 */
public enum FieldType {
    /** Free text; optionally {@code pattern} and {@code maxLength}. */
    TEXT,
    /** A decimal number; optionally {@code min} and {@code max}. */
    NUMBER,
    /** A calendar date; optionally {@code minDate} and {@code maxDate}. */
    DATE,
    /** An e-mail address. */
    EMAIL,
    /** A phone number, stored in E.164 form. */
    PHONE,
    /** A postal address to write to (NF Z10-011, any country). */
    POSTAL_ADDRESS,
    /** A SIRET (establishment number), checked with Luhn. */
    SIRET,
    /** An IBAN, checked with mod 97. */
    IBAN,
    /** Oui or non. */
    YES_NO,
    /** One code among the {@code choices}. */
    SINGLE_CHOICE,
    /** Several codes among the {@code choices}, each once. */
    MULTIPLE_CHOICE,
    /**
     * An address in France with the INSEE code of its commune (citycode), optionally checked and geocoded
     * against the Base Adresse Nationale ({@code verify}, see {@link AddressCheck}).
     */
    ADDRESS,
    /** A point in WGS84 decimal degrees, with the accuracy of the device in metres; optionally {@code bounds}. */
    GEO_POINT,
    /** A commune: its code officiel géographique (COG) and its name. */
    COMMUNE,
    /** A list of sub-forms (each child, each co-holder), between {@code minItems} and {@code maxItems}. */
    REPEATED_GROUP,
    /** A pièce justificative given in the form itself: the reference of a stored document of {@code documentType}. */
    FILE,
    /** A period of dates, start and end included; optionally {@code minDate}, {@code maxDate}, {@code maxDays}. */
    DATE_RANGE;

    /** Whether conditions may compare this type's value with {@code EQUALS}, {@code NOT_EQUALS} and {@code IN}. */
    boolean comparable() {
        return this != GEO_POINT && this != DATE_RANGE && this != POSTAL_ADDRESS;
    }
}
