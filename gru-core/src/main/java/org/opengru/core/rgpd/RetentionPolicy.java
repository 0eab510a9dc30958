package org.opengru.core.rgpd;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * The retention of one démarche's requests, counted from their closure (decision, withdrawal): {@code
 * active} in the base active, then {@code archive} in archivage intermédiaire, then {@code endOfLife}.
 * Periods are calendar periods in Europe/Paris.
 *
 * @param procedure the démarche
 * @param active how long in the base active
 * @param archive how long in archivage intermédiaire
 * @param endOfLife purge or anonymisation
 */
public record RetentionPolicy(ProcedureCode procedure, Period active, Period archive, EndOfLife endOfLife) {

    /**
     * Checks that the periods are not negative and the parts present.
     *
     * @param procedure the démarche
     * @param active how long in the base active
     * @param archive how long in archivage intermédiaire
     * @param endOfLife purge or anonymisation
     * @throws org.opengru.core.error.ValidationException naming {@code retention.<part>} and the value
     */
    public RetentionPolicy {
        Checks.required("retention.procedure", procedure);
        check("retention.active", active);
        check("retention.archive", archive);
        Checks.required("retention.endOfLife", endOfLife);
    }

    private static void check(String field, Period p) {
        if (p == null || p.isNegative()) {
            throw new ValidationException(field, p, "must be zero or positive");
        }
    }

    /**
     * The phase at {@code now} of a request closed at {@code closedAt}.
     *
     * @param closedAt when the request was closed
     * @param now the present
     * @param zone the collectivité's zone
     * @return active, archived or expired
     */
    public RetentionPhase phaseAt(Instant closedAt, Instant now, ZoneId zone) {
        ZonedDateTime closed = closedAt.atZone(zone);
        Instant archiveFrom = closed.plus(active).toInstant();
        Instant expiredFrom = closed.plus(active).plus(archive).toInstant();
        if (now.isBefore(archiveFrom)) {
            return RetentionPhase.ACTIVE;
        }
        return now.isBefore(expiredFrom) ? RetentionPhase.INTERMEDIATE_ARCHIVE : RetentionPhase.EXPIRED;
    }

    /**
     * The closure instant before which a request is at least in {@code phase} at {@code now}.
     *
     * @param phase archived or expired
     * @param now the present
     * @param zone the collectivité's zone
     * @return the limit of the closing date
     */
    public Instant closedBefore(RetentionPhase phase, Instant now, ZoneId zone) {
        ZonedDateTime n = now.atZone(zone);
        return switch (phase) {
            case ACTIVE -> now;
            case INTERMEDIATE_ARCHIVE -> n.minus(active).toInstant();
            case EXPIRED -> n.minus(archive).minus(active).toInstant();
        };
    }
}
