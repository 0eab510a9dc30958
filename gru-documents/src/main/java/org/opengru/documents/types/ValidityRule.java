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

    /** The last valid day, or {@code null} when the document never expires. */
    Validity evaluate(DocumentFacts facts, LocalDate on);

    /** Never expires (livret de famille, RIB). */
    record Permanent() implements ValidityRule {
        @Override
        public Validity evaluate(DocumentFacts facts, LocalDate on) {
            return new Validity(true, null, "sans limite de validité");
        }
    }

    /** Valid for a period from its issue date, e.g. a proof of address under 3 months. */
    record RecentIssue(Period maxAge) implements ValidityRule {
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
     */
    record AgeAndIssueDependent(List<IssuePeriod> periods) implements ValidityRule {
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
     */
    record IssuePeriod(@Nullable LocalDate from, @Nullable LocalDate to, int adultYears, int minorYears, String note) {
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
