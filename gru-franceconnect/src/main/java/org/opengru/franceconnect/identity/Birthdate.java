package org.opengru.franceconnect.identity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birth date as civil registries know it: the month or day may be unknown (date présumée), given
 * as {@code YYYY-MM-00} / {@code YYYY-00-00} (0 here means unknown).
 *
 * @param year the year
 * @param month 1-12, or 0 when unknown
 * @param day 1-31, or 0 when unknown
 */
public record Birthdate(int year, int month, int day) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /**
     * Checks the date; a presumed date ({@code day} or {@code month} 0) is accepted.
     *
     * @param year the year
     * @param month 1-12, or 0 when unknown
     * @param day 1-31, or 0 when unknown
     * @throws InvalidIdentityClaimException when it is not a date between 1850 and 2200, or a day is given
     *     without its month
     */
    public Birthdate {
        if (year < 1850 || year > 2200 || month < 0 || month > 12 || day < 0 || day > 31 || (month == 0 && day != 0)) {
            throw new InvalidIdentityClaimException("birthdate", year + "-" + month + "-" + day, "is not a date");
        }
        if (month != 0 && day != 0) {
            try {
                LocalDate.of(year, month, day);
            } catch (java.time.DateTimeException e) {
                throw new InvalidIdentityClaimException("birthdate", year + "-" + month + "-" + day, "is not a date");
            }
        }
    }

    /**
     * Reads the {@code birthdate} claim.
     *
     * @param value the claim as received
     * @return the date, presumed or not
     * @throws InvalidIdentityClaimException when it is not a {@code YYYY-MM-DD} text of a date
     */
    public static Birthdate parse(Object value) {
        Matcher m = value instanceof String s ? FORMAT.matcher(s) : null;
        if (m == null || !m.matches()) {
            throw new InvalidIdentityClaimException("birthdate", value, "must be YYYY-MM-DD");
        }
        return new Birthdate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * The full date, empty when presumed (month or day unknown).
     *
     * @return the date, or empty
     */
    public Optional<LocalDate> toLocalDate() {
        return month == 0 || day == 0 ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
    }

    /** {@code YYYY-MM-DD} with 00 for unknown parts. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }
}
