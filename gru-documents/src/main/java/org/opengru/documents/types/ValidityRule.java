package org.opengru.documents.types;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How long a document stays usable, as data. Each rule says how to compute the last valid day from
 * the {@link DocumentFacts}; a fact a rule needs and does not have makes the document not valid
 * (never valid by default).
 */
public sealed interface ValidityRule {

    /**
     * The last valid day, or {@code null} when the document never expires.
     *
     * @param facts what is known of the document (issue date, holder's birth date, printed expiry)
     * @param on the day the document must be valid on
     * @return whether it is valid that day, its last valid day, and why
     */
    Validity evaluate(DocumentFacts facts, LocalDate on);

    /** Never expires (livret de famille, RIB). */
    record Permanent() implements ValidityRule {
        @Override
        public Validity evaluate(DocumentFacts facts, LocalDate on) {
            return new Validity(true, null, "sans limite de validité");
        }
    }

    /**
     * Valid for a period from its issue date, e.g. a proof of address under 3 months.
     *
     * @param maxAge how old the document may be
     */
    record RecentIssue(Period maxAge) implements ValidityRule {
        /**
         * Checks the age.
         *
         * @param maxAge how old the document may be
         * @throws NullPointerException when it is missing
         */
        public RecentIssue {
            Objects.requireNonNull(maxAge, "maxAge");
        }

        @Override
        public Validity evaluate(DocumentFacts facts, LocalDate on) {
            if (facts.issueDate() == null) {
                return new Validity(false, null, "date d'émission inconnue");
            }
            LocalDate until = facts.issueDate().plus(maxAge).minusDays(1);
            return new Validity(
                    !on.isAfter(until) && !on.isBefore(facts.issueDate()), until, "daté de moins de " + maxAge);
        }
    }

    /** Valid until the expiry date printed on it (titre de séjour). */
    record PrintedExpiry() implements ValidityRule {
        @Override
        public Validity evaluate(DocumentFacts facts, LocalDate on) {
            if (facts.expiryDate() == null) {
                return new Validity(false, null, "date d'expiration inconnue");
            }
            return new Validity(
                    !on.isAfter(facts.expiryDate()), facts.expiryDate(), "valable jusqu'à la date indiquée");
        }
    }

    /**
     * Valid for a number of years from issue that depends on when it was issued and whether the holder
     * was an adult then (carte nationale d'identité, passeport). The first period containing the issue
     * date applies.
     *
     * @param periods the periods, the first containing the issue date applies
     */
    record AgeAndIssueDependent(List<IssuePeriod> periods) implements ValidityRule {
        /**
         * Copies the periods.
         *
         * @param periods the periods, the first containing the issue date applies
         * @throws IllegalArgumentException when there is none
         */
        public AgeAndIssueDependent {
            periods = List.copyOf(periods);
            if (periods.isEmpty()) {
                throw new IllegalArgumentException("periods: at least one is needed");
            }
        }

        @Override
        public Validity evaluate(DocumentFacts facts, LocalDate on) {
            LocalDate issued = facts.issueDate();
            if (issued == null) {
                return new Validity(false, null, "date de délivrance inconnue");
            }
            for (IssuePeriod p : periods) {
                if (p.contains(issued)) {
                    Boolean adult = facts.adultAtIssue();
                    // Unknown age: the shorter duration, so that validity is never overstated.
                    int years = adult == null
                            ? Math.min(p.adultYears(), p.minorYears())
                            : adult ? p.adultYears() : p.minorYears();
                    LocalDate until = issued.plusYears(years).minusDays(1);
                    String who = adult == null
                            ? "âge du titulaire inconnu"
                            : adult ? "délivré à un majeur" : "délivré à un mineur";
                    return new Validity(
                            !on.isAfter(until), until, "valable " + years + " ans (" + who + ", " + p.note() + ")");
                }
            }
            return new Validity(false, null, "aucune règle pour une délivrance le " + issued);
        }
    }

    /**
     * Issue dates {@code [from, to]} (either end open when null) and the validity in years for adults
     * and minors.
     *
     * @param from the first issue date of the period, or {@code null} for no start
     * @param to the last issue date of the period, or {@code null} for no end
     * @param adultYears the validity in years when issued to an adult
     * @param minorYears the validity in years when issued to a minor
     * @param note the rule's source, in French, shown in the explanation
     */
    record IssuePeriod(@Nullable LocalDate from, @Nullable LocalDate to, int adultYears, int minorYears, String note) {
        /**
         * Checks the durations.
         *
         * @param from the first issue date of the period, or {@code null} for no start
         * @param to the last issue date of the period, or {@code null} for no end
         * @param adultYears the validity in years when issued to an adult
         * @param minorYears the validity in years when issued to a minor
         * @param note the rule's source, in French, shown in the explanation
         * @throws IllegalArgumentException when a number of years is not positive
         */
        public IssuePeriod {
            if (adultYears <= 0 || minorYears <= 0) {
                throw new IllegalArgumentException(
                        "validity years must be positive, got " + adultYears + "/" + minorYears);
            }
            Objects.requireNonNull(note, "note");
        }

        boolean contains(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
        }
    }

    /**
     * A yearly document (avis d'imposition): the one issued in year N-1 or N, i.e. valid until the end
     * of the year after its issue year.
     *
     * @param years how many years after issue it stays valid
     */
    record IssuedSinceYearsAgo(int years) implements ValidityRule {
        @Override
        public Validity evaluate(DocumentFacts facts, LocalDate on) {
            if (facts.issueDate() == null) {
                return new Validity(false, null, "date d'émission inconnue");
            }
            LocalDate until = LocalDate.of(facts.issueDate().getYear() + years, 12, 31);
            return new Validity(!on.isAfter(until), until, "émis en " + (on.getYear() - years) + " ou après");
        }
    }
}
