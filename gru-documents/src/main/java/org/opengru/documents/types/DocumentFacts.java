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

    public DocumentFacts {
        if (issueDate != null && expiryDate != null && expiryDate.isBefore(issueDate)) {
            throw new ValidationException("expiryDate", expiryDate, "is before the issue date " + issueDate);
        }
        if (issueDate != null && holderBirthDate != null && holderBirthDate.isAfter(issueDate)) {
            throw new ValidationException("holderBirthDate", holderBirthDate, "is after the issue date " + issueDate);
        }
    }

    public static DocumentFacts issued(LocalDate issueDate) {
        return new DocumentFacts(issueDate, null, null);
    }

    public DocumentFacts withHolderBirthDate(LocalDate birthDate) {
        return new DocumentFacts(issueDate, expiryDate, birthDate);
    }

    public DocumentFacts withExpiryDate(LocalDate expiry) {
        return new DocumentFacts(issueDate, expiry, holderBirthDate);
    }

    /** Whether the holder was an adult (18 or more) on the issue date; {@code null} when unknown. */
    public @Nullable Boolean adultAtIssue() {
        if (issueDate == null || holderBirthDate == null) {
            return null;
        }
        return !holderBirthDate.plusYears(18).isAfter(issueDate);
    }
}
