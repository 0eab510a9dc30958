package org.opengru.documents.types;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;

/**
 * What is known of one document, as validity rules need it.
 *
 * @param issueDate the date of issue (délivrance) or of the document (facture, extrait)
 * @param expiryDate the expiry date printed on the document, when it has one
 * @param holderBirthDate the holder's birth date (age-dependent rules: ID card, passport)
 */
public record DocumentFacts(
        @Nullable LocalDate issueDate,
        @Nullable LocalDate expiryDate,
        @Nullable LocalDate holderBirthDate) {

    /**
     * Checks the dates.
     *
     * @param issueDate the date of issue (délivrance) or of the document (facture, extrait)
     * @param expiryDate the expiry date printed on the document, when it has one
     * @param holderBirthDate the holder's birth date (age-dependent rules: ID card, passport)
     * @throws ValidationException when the expiry date is before the issue date, or the holder's birth date after it
     */
    public DocumentFacts {
        if (issueDate != null && expiryDate != null && expiryDate.isBefore(issueDate)) {
            throw new ValidationException("expiryDate", expiryDate, "is before the issue date " + issueDate);
        }
        if (issueDate != null && holderBirthDate != null && holderBirthDate.isAfter(issueDate)) {
            throw new ValidationException("holderBirthDate", holderBirthDate, "is after the issue date " + issueDate);
        }
    }

    /**
     * Facts of a document known by its issue date only.
     *
     * @param issueDate the date of issue printed on the document
     * @return the facts
     */
    public static DocumentFacts issued(LocalDate issueDate) {
        return new DocumentFacts(issueDate, null, null);
    }

    /**
     * The holder's birth date, which decides the validity of an identity card or a passport (shorter for a minor).
     *
     * @param birthDate the holder's birth date
     * @return a copy with it
     */
    public DocumentFacts withHolderBirthDate(LocalDate birthDate) {
        return new DocumentFacts(issueDate, expiryDate, birthDate);
    }

    /**
     * The expiry date printed on the document, which wins over the computed one.
     *
     * @param expiry the printed expiry date
     * @return a copy with it
     * @throws ValidationException when it is before the issue date
     */
    public DocumentFacts withExpiryDate(LocalDate expiry) {
        return new DocumentFacts(issueDate, expiry, holderBirthDate);
    }

    /**
     * Whether the holder was an adult (18 or more) on the issue date; {@code null} when unknown.
     *
     * @return whether the holder was an adult, or {@code null}
     */
    public @Nullable Boolean adultAtIssue() {
        if (issueDate == null || holderBirthDate == null) {
            return null;
        }
        return !holderBirthDate.plusYears(18).isAfter(issueDate);
    }
}
