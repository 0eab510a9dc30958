package org.opengru.scheduling.holiday;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One public holiday (jour férié): its date and its official French name.
 *
 * @param date the date
 * @param name its French name
 */
public record PublicHoliday(LocalDate date, String name) implements Comparable<PublicHoliday> {

    /**
     * Checks the holiday.
     *
     * @param date the date
     * @param name its French name
     * @throws NullPointerException when the date or the name is missing
     */
    public PublicHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(PublicHoliday other) {
        int c = date.compareTo(other.date);
        return c != 0 ? c : name.compareTo(other.name);
    }
}
