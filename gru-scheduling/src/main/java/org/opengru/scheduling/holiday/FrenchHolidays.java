package org.opengru.scheduling.holiday;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes French public holidays (Code du travail, art. L3133-1; local law for Alsace-Moselle; abolition
 * days overseas, décret n° 83-1003; the local holidays of Nouvelle-Calédonie, Polynésie française and
 * Wallis-et-Futuna). Pure computation, stateless and thread-safe. Whit Monday is listed even where it is the
 * journée de solidarité, as the official list does.
 */
public final class FrenchHolidays {

    private FrenchHolidays() {}

    /**
     * The holidays of {@code year} in {@code zone}, sorted by date (two may share a date).
     *
     * @param zone the zone (métropole, Alsace-Moselle, an overseas department or collectivity)
     * @param year the year
     * @return the holidays (jours fériés)
     */
    public static List<PublicHoliday> of(HolidayZone zone, int year) {
        Objects.requireNonNull(zone, "zone");
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year " + year + " is outside 1900-2200");
        }
        LocalDate easter = easterSunday(year);
        List<PublicHoliday> list = new ArrayList<>();
        list.add(new PublicHoliday(LocalDate.of(year, 1, 1), "1er janvier"));
        list.add(new PublicHoliday(easter.plusDays(1), "Lundi de Pâques"));
        list.add(new PublicHoliday(LocalDate.of(year, 5, 1), "1er mai"));
        list.add(new PublicHoliday(LocalDate.of(year, 5, 8), "8 mai"));
        list.add(new PublicHoliday(easter.plusDays(39), "Ascension"));
        list.add(new PublicHoliday(easter.plusDays(50), "Lundi de Pentecôte"));
        list.add(new PublicHoliday(LocalDate.of(year, 7, 14), "14 juillet"));
        list.add(new PublicHoliday(LocalDate.of(year, 8, 15), "Assomption"));
        list.add(new PublicHoliday(LocalDate.of(year, 11, 1), "Toussaint"));
        list.add(new PublicHoliday(LocalDate.of(year, 11, 11), "11 novembre"));
        list.add(new PublicHoliday(LocalDate.of(year, 12, 25), "Jour de Noël"));
        if (zone == HolidayZone.ALSACE_MOSELLE) {
            list.add(new PublicHoliday(easter.minusDays(2), "Vendredi saint"));
            list.add(new PublicHoliday(LocalDate.of(year, 12, 26), "2ème jour de Noël"));
        }
        switch (zone) {
            // Statutory local holidays of the Pacific collectivities, which set their own list.
            case NOUVELLE_CALEDONIE -> list.add(new PublicHoliday(LocalDate.of(year, 9, 24), "Fête de la citoyenneté"));
            case POLYNESIE_FRANCAISE -> {
                list.add(new PublicHoliday(LocalDate.of(year, 3, 5), "Arrivée de l'Évangile"));
                list.add(new PublicHoliday(easter.minusDays(2), "Vendredi saint"));
                list.add(new PublicHoliday(LocalDate.of(year, 6, 29), "Fête de l'autonomie"));
            }
            case WALLIS_ET_FUTUNA -> {
                list.add(new PublicHoliday(LocalDate.of(year, 4, 28), "Saint Pierre Chanel"));
                list.add(new PublicHoliday(LocalDate.of(year, 7, 29), "Fête du Territoire"));
            }
            default -> {}
        }
        MonthDay abolition = zone.abolitionOfSlavery(year);
        if (abolition != null) {
            list.add(new PublicHoliday(abolition.atYear(year), "Abolition de l'esclavage"));
        }
        Collections.sort(list);
        return List.copyOf(list);
    }

    /**
     * The dates that are a holiday in {@code zone} between two years inclusive.
     *
     * @param zone the zone
     * @param fromYear the first year
     * @param toYear the last year, inclusive
     * @return the dates
     */
    public static Set<LocalDate> dates(HolidayZone zone, int fromYear, int toYear) {
        Set<LocalDate> dates = new TreeSet<>();
        for (int y = fromYear; y <= toYear; y++) {
            for (PublicHoliday h : of(zone, y)) {
                dates.add(h.date());
            }
        }
        return dates;
    }

    /**
     * Whether {@code date} is a public holiday in {@code zone}.
     *
     * @param zone the zone
     * @param date the date
     * @return {@code true} for a jour férié
     */
    public static boolean isHoliday(HolidayZone zone, LocalDate date) {
        for (PublicHoliday h : of(zone, date.getYear())) {
            if (h.date().equals(date)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Easter Sunday in the Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher).
     *
     * @param year the year
     * @return Easter Sunday's date
     */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
