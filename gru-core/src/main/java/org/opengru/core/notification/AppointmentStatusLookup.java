package org.opengru.core.notification;

import java.time.Instant;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;

/**
 * Port (implemented by the scheduling module): the authoritative status and start of an appointment,
 * asked right before a reminder is sent. Without it, the latest {@link AppointmentNotice} received
 * stands for the status.
 */
@FunctionalInterface
public interface AppointmentStatusLookup {

    /**
     * The appointment's status and start now; empty when unknown.
     *
     * @param tenant the collectivité
     * @param appointmentId the scheduling module's id
     * @return the state, or empty
     */
    Optional<State> current(TenantId tenant, String appointmentId);

    /**
     * An appointment's status and start.
     *
     * @param status the status
     * @param startsAt the start
     */
    record State(AppointmentStatus status, Instant startsAt) {}

    /**
     * Knows nothing: the notices alone decide.
     *
     * @return the lookup
     */
    static AppointmentStatusLookup none() {
        return (tenant, appointmentId) -> Optional.empty();
    }
}
