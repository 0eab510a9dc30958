package org.opengru.scheduling.holiday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the computed holidays against Etalab's official lists (jours-feries-france-data, copied into
 * the test resources), for every zone. The official files stop at 2031; 2032-2035 are checked on the
 * rules whose dates are known independently (Easter Sundays from the Gregorian tables).
 */
class FrenchHolidaysTest {

    private static final int FIRST_YEAR = 2020;
    private static final int LAST_OFFICIAL_YEAR = 2031;
    private static final Set<String> PACIFIC_LOCAL = Set.of(
            "Fête de la citoyenneté",
            "Arrivée de l'Évangile",
            "Vendredi saint",
            "Fête de l'autonomie",
            "Saint Pierre Chanel",
            "Fête du Territoire");

    @ParameterizedTest
    @EnumSource(HolidayZone.class)
    void matchesTheOfficialListFrom2020To2031(HolidayZone zone) throws IOException {
        Set<String> official = official(zone);
        Set<String> computed = new TreeSet<>();
        for (int y = FIRST_YEAR; y <= LAST_OFFICIAL_YEAR; y++) {
            for (PublicHoliday h : FrenchHolidays.of(zone, y)) {
                // The official files lack the Pacific collectivities' own holidays (their README says so).
                boolean pacific = zone == HolidayZone.NOUVELLE_CALEDONIE
                        || zone == HolidayZone.POLYNESIE_FRANCAISE
                        || zone == HolidayZone.WALLIS_ET_FUTUNA;
                if (!(pacific && PACIFIC_LOCAL.contains(h.name()))) {
                    computed.add(h.date() + " " + h.name());
                }
            }
        }
        assertThat(official).as("official list for %s", zone).hasSizeGreaterThan(11 * 12 - 1);
        assertThat(computed).as("holidays of %s", zone).isEqualTo(official);
    }

    @ParameterizedTest
    @EnumSource(HolidayZone.class)
    void extendsTheRulesTo2035(HolidayZone zone) {
        for (int y = 2032; y <= 2035; y++) {
            int local = switch (zone) {
                case ALSACE_MOSELLE, WALLIS_ET_FUTUNA -> 2;
                case POLYNESIE_FRANCAISE -> 3;
                case NOUVELLE_CALEDONIE -> 1;
                default -> 0;
            };
            int expected = 11 + local + (zone.abolitionOfSlavery(y) != null ? 1 : 0);
            assertThat(FrenchHolidays.of(zone, y)).hasSize(expected);
        }
    }

    @Test
    void easterSundaysMatchTheGregorianTables() {
        assertThat(FrenchHolidays.easterSunday(2032)).isEqualTo(LocalDate.of(2032, 3, 28));
        assertThat(FrenchHolidays.easterSunday(2033)).isEqualTo(LocalDate.of(2033, 4, 17));
        assertThat(FrenchHolidays.easterSunday(2034)).isEqualTo(LocalDate.of(2034, 4, 9));
        assertThat(FrenchHolidays.easterSunday(2035)).isEqualTo(LocalDate.of(2035, 3, 25));
        assertThat(FrenchHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(FrenchHolidays.easterSunday(2285 - 300)).isEqualTo(LocalDate.of(1985, 4, 7));
    }

    @Test
    void alsaceMoselleKeepsGoodFridayAndStStephen() {
        assertThat(FrenchHolidays.isHoliday(HolidayZone.ALSACE_MOSELLE, LocalDate.of(2035, 3, 23)))
                .isTrue();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.METROPOLE, LocalDate.of(2035, 3, 23)))
                .isFalse();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.ALSACE_MOSELLE, LocalDate.of(2034, 12, 26)))
                .isTrue();
    }

    /**
     * The Pacific collectivities' own holidays, absent from Etalab's files: Nouvelle-Calédonie's 24
     * September (Fête de la citoyenneté), Polynésie française's 5 March (arrival of the Gospel), Good
     * Friday and 29 June (autonomy), Wallis-et-Futuna's 28 April (Saint Pierre Chanel) and 29 July (the
     * Territory's day).
     */
    @Test
    void thePacificCollectivitiesKeepTheirOwnHolidays() {
        assertThat(FrenchHolidays.of(HolidayZone.NOUVELLE_CALEDONIE, 2026))
                .contains(new PublicHoliday(LocalDate.of(2026, 9, 24), "Fête de la citoyenneté"));
        assertThat(FrenchHolidays.of(HolidayZone.POLYNESIE_FRANCAISE, 2026))
                .contains(
                        new PublicHoliday(LocalDate.of(2026, 3, 5), "Arrivée de l'Évangile"),
                        new PublicHoliday(LocalDate.of(2026, 4, 3), "Vendredi saint"),
                        new PublicHoliday(LocalDate.of(2026, 6, 29), "Fête de l'autonomie"));
        assertThat(FrenchHolidays.of(HolidayZone.WALLIS_ET_FUTUNA, 2026))
                .contains(
                        new PublicHoliday(LocalDate.of(2026, 4, 28), "Saint Pierre Chanel"),
                        new PublicHoliday(LocalDate.of(2026, 7, 29), "Fête du Territoire"));
        assertThat(FrenchHolidays.isHoliday(HolidayZone.METROPOLE, LocalDate.of(2026, 9, 24)))
                .isFalse();
    }

    /**
     * Saint-Barthélemy and Saint-Martin were communes of Guadeloupe until 15 July 2007 (27 May), had no
     * abolition day in décret n° 83-1003 from 2008 to 2011, and have their own since décret n° 2012-553.
     */
    @Test
    void saintBarthelemyAndSaintMartinFollowedGuadeloupeUntil2007() {
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_BARTHELEMY, LocalDate.of(2005, 5, 27)))
                .isTrue();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_BARTHELEMY, LocalDate.of(2005, 10, 9)))
                .isFalse();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_BARTHELEMY, LocalDate.of(2010, 10, 9)))
                .isFalse();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_BARTHELEMY, LocalDate.of(2010, 5, 27)))
                .isFalse();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_BARTHELEMY, LocalDate.of(2012, 10, 9)))
                .isTrue();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_MARTIN, LocalDate.of(2007, 5, 27)))
                .isTrue();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_MARTIN, LocalDate.of(2009, 5, 27)))
                .isFalse();
    }

    @Test
    void saintMartinMovedItsAbolitionDayIn2018() {
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_MARTIN, LocalDate.of(2017, 5, 27)))
                .isTrue();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_MARTIN, LocalDate.of(2018, 5, 28)))
                .isTrue();
        assertThat(FrenchHolidays.isHoliday(HolidayZone.SAINT_MARTIN, LocalDate.of(2018, 5, 27)))
                .isFalse();
    }

    @Test
    void eachZoneLivesInItsOwnTimeZone() {
        assertThat(HolidayZone.METROPOLE.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(HolidayZone.LA_REUNION.zone()).isEqualTo(ZoneId.of("Indian/Reunion"));
        assertThat(HolidayZone.GUYANE.zone()).isEqualTo(ZoneId.of("America/Cayenne"));
        assertThat(HolidayZone.MAYOTTE.zone()).isEqualTo(ZoneId.of("Indian/Mayotte"));
        Set<ZoneId> zones = new HashSet<>();
        for (HolidayZone z : HolidayZone.values()) {
            zones.add(z.zone());
        }
        assertThat(zones).hasSize(HolidayZone.values().length - 1); // Alsace-Moselle shares Europe/Paris
    }

    /** The (date, name) pairs of the official per-zone file, years 2020-2031. */
    private static Set<String> official(HolidayZone zone) throws IOException {
        String file = "/holidays/jours_feries_" + fileName(zone) + ".csv";
        Set<String> rows = new TreeSet<>();
        try (InputStream in = FrenchHolidaysTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertThat(header).isEqualTo("date,annee,zone,nom_jour_ferie");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cols = line.split(",", 4);
                int year = Integer.parseInt(cols[1]);
                assertThat(cols[2]).isEqualTo(zone.label());
                if (year >= FIRST_YEAR && year <= LAST_OFFICIAL_YEAR) {
                    rows.add(cols[0] + " " + cols[3]);
                }
            }
        }
        return rows;
    }

    private static String fileName(HolidayZone zone) {
        return zone.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
