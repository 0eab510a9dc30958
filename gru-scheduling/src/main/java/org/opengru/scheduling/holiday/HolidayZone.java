package org.opengru.scheduling.holiday;

import java.time.MonthDay;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A zone with its own list of public holidays, and the time zone its sites live in. Alsace-Moselle
 * (Bas-Rhin, Haut-Rhin, Moselle) keeps Good Friday and St Stephen's Day from the local law; overseas
 * departments and collectivities add the day slavery was abolished there (décret de 1983, loi de 2017
 * for Saint-Martin's change to 28 May from 2018).
 */
public enum HolidayZone {
    METROPOLE("Métropole", "Europe/Paris", null),
    ALSACE_MOSELLE("Alsace-Moselle", "Europe/Paris", null),
    GUADELOUPE("Guadeloupe", "America/Guadeloupe", MonthDay.of(5, 27)),
    MARTINIQUE("Martinique", "America/Martinique", MonthDay.of(5, 22)),
    GUYANE("Guyane", "America/Cayenne", MonthDay.of(6, 10)),
    LA_REUNION("La Réunion", "Indian/Reunion", MonthDay.of(12, 20)),
    MAYOTTE("Mayotte", "Indian/Mayotte", MonthDay.of(4, 27)),
    SAINT_BARTHELEMY("Saint-Barthélémy", "America/St_Barthelemy", MonthDay.of(10, 9)),
    /** 27 May until 2017, 28 May from 2018. */
    SAINT_MARTIN("Saint-Martin", "America/Marigot", MonthDay.of(5, 28)),
    SAINT_PIERRE_ET_MIQUELON("Saint-Pierre-et-Miquelon", "America/Miquelon", null),
    NOUVELLE_CALEDONIE("Nouvelle-Calédonie", "Pacific/Noumea", null),
    POLYNESIE_FRANCAISE("Polynésie Française", "Pacific/Tahiti", null),
    WALLIS_ET_FUTUNA("Wallis-et-Futuna", "Pacific/Wallis", null);

    private final String label;
    private final ZoneId zone;
    private final @Nullable MonthDay abolitionOfSlavery;

    HolidayZone(String label, String zone, @Nullable MonthDay abolitionOfSlavery) {
        this.label = label;
        this.zone = ZoneId.of(zone);
        this.abolitionOfSlavery = abolitionOfSlavery;
    }

    /** The zone's name as the official lists write it. */
    public String label() {
        return label;
    }

    /** The time zone of the zone's sites (the main one for French Polynesia: Tahiti). */
    public ZoneId zone() {
        return zone;
    }

    /** The abolition-of-slavery day for {@code year}, or {@code null} where there is none. */
    public @Nullable MonthDay abolitionOfSlavery(int year) {
        if (this == SAINT_MARTIN && year < 2018) {
            return MonthDay.of(5, 27);
        }
        return abolitionOfSlavery;
    }
}
