package org.opengru.scheduling.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;

/**
 * Stores sessions and registrations and guarantees, by itself and across nodes, that a session never has
 * more registrations taking a place than its capacity, that a participant never has more active
 * registrations for an event than the session's limit, nor two for one session, and that a freed place
 * goes to the first person waiting in the same change. Each change is written with its trail entries.
 */
public interface RegistrationStore {

    /** What {@link #register} did. */
    sealed interface Outcome {
        /** Registered with a place or on the waiting list, as {@code registration.status()} says. */
        record Registered(Registration registration) implements Outcome {}

        record PersonLimitReached(int limit) implements Outcome {}

        record AlreadyRegistered(RegistrationId existing) implements Outcome {}
    }

    /**
     * Declares a session or changes it. A capacity below the places already taken is refused ({@link
     * org.opengru.core.error.ValidationException} on {@code session.capacity}); a larger one promotes the
     * people waiting into the new places.
     */
    List<Registration> saveSession(EventSession session, Instant now);

    Optional<EventSession> findSession(TenantId tenant, SessionId id);

    /** How many places are taken. */
    int taken(TenantId tenant, SessionId id);

    /**
     * Registers {@code candidate} (its status, position and hold are the store's to set): with a place
     * when one is free (AWAITING_PAYMENT with a hold of the session's {@code paymentHold} from {@code
     * candidate.createdAt()} when it has a price, else CONFIRMED), else WAITING.
     */
    Outcome register(Registration candidate, ActorRef actor);

    /**
     * Replaces {@code previous} by {@code next} if unchanged since: {@code PlaceTaken} when {@code next}
     * takes a place and the session is full, {@code Stale} when it changed. A change that frees a place
     * gives it to the first person waiting (promoted, returned with the result).
     */
    UpdateResult<Registration> update(Registration previous, Registration next, TrailEntry entry);

    Optional<Registration> find(TenantId tenant, RegistrationId id);

    /** Registrations of a session, in waiting-list order (position). */
    List<Registration> ofSession(TenantId tenant, SessionId session);

    /** Registrations whose participant or registering usager this is, newest first. */
    List<Registration> ofUsager(TenantId tenant, UsagerId usager);

    List<Registration> overdueHolds(TenantId tenant, Instant now);

    List<TrailEntry> trail(TenantId tenant, RegistrationId id);

    /**
     * Erasure (RGPD art. 17): gives each inactive registration of the usager (as participant or as the
     * one who registered) random ids in their place, except one whose refund is still due. Returns how
     * many were detached.
     */
    int detachUsager(TenantId tenant, UsagerId usager);

    static RegistrationStore inMemory() {
        return new org.opengru.scheduling.registration.internal.InMemoryRegistrationStore();
    }
}
