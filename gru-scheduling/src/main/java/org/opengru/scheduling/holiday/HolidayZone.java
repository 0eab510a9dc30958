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
    /** Metropolitan France, except Alsace-Moselle. */
    METROPOLE("Métropole", "Europe/Paris", null),
    /** Bas-Rhin, Haut-Rhin and Moselle: Good Friday and St Stephen's Day too. */
    ALSACE_MOSELLE("Alsace-Moselle", "Europe/Paris", null),
    /** Guadeloupe: abolition of slavery on 27 May. */
    GUADELOUPE("Guadeloupe", "America/Guadeloupe", MonthDay.of(5, 27)),
    /** Martinique: abolition of slavery on 22 May. */
    MARTINIQUE("Martinique", "America/Martinique", MonthDay.of(5, 22)),
    /** Guyane: abolition of slavery on 10 June. */
    GUYANE("Guyane", "America/Cayenne", MonthDay.of(6, 10)),
    /** La Réunion: abolition of slavery on 20 December. */
    LA_REUNION("La Réunion", "Indian/Reunion", MonthDay.of(12, 20)),
    /** Mayotte: abolition of slavery on 27 April. */
    MAYOTTE("Mayotte", "Indian/Mayotte", MonthDay.of(4, 27)),
    /** Saint-Barthélemy: abolition of slavery on 9 October. */
    SAINT_BARTHELEMY("Saint-Barthélémy", "America/St_Barthelemy", MonthDay.of(10, 9)),
    /** 27 May from 2012 to 2017, 28 May from 2018 (see {@link #abolitionOfSlavery}). */
    SAINT_MARTIN("Saint-Martin", "America/Marigot", MonthDay.of(5, 28)),
    /** Saint-Pierre-et-Miquelon. */
    SAINT_PIERRE_ET_MIQUELON("Saint-Pierre-et-Miquelon", "America/Miquelon", null),
    /** Nouvelle-Calédonie. */
    NOUVELLE_CALEDONIE("Nouvelle-Calédonie", "Pacific/Noumea", null),
    /** Polynésie française (Tahiti's time zone). */
    POLYNESIE_FRANCAISE("Polynésie Française", "Pacific/Tahiti", null),
    /** Wallis-et-Futuna. */
    WALLIS_ET_FUTUNA("Wallis-et-Futuna", "Pacific/Wallis", null);

    private final String label;
    private final ZoneId zone;
    private final @Nullable MonthDay abolitionOfSlavery;

    HolidayZone(String label, String zone, @Nullable MonthDay abolitionOfSlavery) {
        this.label = label;
        this.zone = ZoneId.of(zone);
        this.abolitionOfSlavery = abolitionOfSlavery;
    }

    /**
     * The zone's name as the official lists write it.
     *
     * @return the label, such as {@code Alsace-Moselle}
     */
    public String label() {
        return label;
    }

    /**
     * The time zone of the zone's sites (the main one for French Polynesia: Tahiti).
     *
     * @return the time zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The abolition-of-slavery day for {@code year}, or {@code null} where there is none.
     *
     * @param year the year
     * @return the day, or {@code null}
     */
    public @Nullable MonthDay abolitionOfSlavery(int year) {
        if (this == SAINT_BARTHELEMY || this == SAINT_MARTIN) {
            // Communes of Guadeloupe until they became collectivities on 15 July 2007: Guadeloupe's 27 May.
            // Décret n° 83-1003 then named neither until décret n° 2012-553 (23 April 2012) gave them their
            // own dates; from 2008 to 2011 neither had one. Saint-Martin moved from 27 to 28 May in 2018.
            if (year <= 2007) {
                return GUADELOUPE.abolitionOfSlavery;
            }
            if (year < 2012) {
                return null;
            }
            if (this == SAINT_MARTIN && year < 2018) {
                return MonthDay.of(5, 27);
            }
        }
        return abolitionOfSlavery;
    }
}
