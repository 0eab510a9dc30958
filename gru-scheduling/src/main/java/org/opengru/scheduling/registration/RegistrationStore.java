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
        /**
         * Registered with a place or on the waiting list, as {@code registration.status()} says.
         *
         * @param registration the registration as written
         */
        record Registered(Registration registration) implements Outcome {}

        /**
         * Refused: the participant has as many active registrations to the event as the limit.
         *
         * @param limit the session's per-person limit
         */
        record PersonLimitReached(int limit) implements Outcome {}

        /**
         * Refused: the participant already has an active registration to the session.
         *
         * @param existing that registration
         */
        record AlreadyRegistered(RegistrationId existing) implements Outcome {}
    }

    /**
     * Declares a session or changes it. A capacity below the places already taken is refused ({@link
     * org.opengru.core.error.ValidationException} on {@code session.capacity}); a larger one promotes the
     * people waiting into the new places.
     *
     * @param session the session, replacing the one of the same id
     * @param now when, for the holds of the people promoted
     * @return the registrations promoted, in order, empty when none
     * @throws org.opengru.core.error.ValidationException when the capacity is below the places taken
     */
    List<Registration> saveSession(EventSession session, Instant now);

    /**
     * A session.
     *
     * @param tenant the collectivité
     * @param id the session's code
     * @return the session, empty when unknown in this collectivité
     */
    Optional<EventSession> findSession(TenantId tenant, SessionId id);

    /**
     * How many places are taken.
     *
     * @param tenant the collectivité
     * @param id the session's code
     * @return the registrations awaiting payment or confirmed, 0 for an unknown session
     */
    int taken(TenantId tenant, SessionId id);

    /**
     * Registers {@code candidate} (its status, position and hold are the store's to set): with a place
     * when one is free (AWAITING_PAYMENT with a hold of the session's {@code paymentHold} from {@code
     * candidate.createdAt()} when it has a price, else CONFIRMED), else WAITING.
     *
     * @param candidate the registration asked
     * @param actor who registers, for the trail
     * @return what was done; nothing is written when refused
     */
    Outcome register(Registration candidate, ActorRef actor);

    /**
     * Replaces {@code previous} by {@code next} if unchanged since: {@code PlaceTaken} when {@code next}
     * takes a place and the session is full, {@code Stale} when it changed. A change that frees a place
     * gives it to the first person waiting (promoted, returned with the result).
     *
     * @param previous the registration as read
     * @param next the registration after the move
     * @param entry the move's trail entry, written with it
     * @return {@code Updated} with the people promoted, {@code PlaceTaken} or {@code Stale} (nothing written)
     */
    UpdateResult<Registration> update(Registration previous, Registration next, TrailEntry entry);

    /**
     * A registration.
     *
     * @param tenant the collectivité
     * @param id the registration
     * @return the registration, empty when unknown in this collectivité
     */
    Optional<Registration> find(TenantId tenant, RegistrationId id);

    /**
     * Registrations of a session, in waiting-list order (position).
     *
     * @param tenant the collectivité
     * @param session the session's code
     * @return every registration of the session, whatever its status
     */
    List<Registration> ofSession(TenantId tenant, SessionId session);

    /**
     * Registrations whose participant or registering usager this is, newest first.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return their registrations, empty when none
     */
    List<Registration> ofUsager(TenantId tenant, UsagerId usager);

    /**
     * Registrations awaiting payment whose hold has run out: to expire.
     *
     * @param tenant the collectivité
     * @param now the current instant
     * @return the overdue registrations
     */
    List<Registration> overdueHolds(TenantId tenant, Instant now);

    /**
     * The trail of a registration: every move, oldest first.
     *
     * @param tenant the collectivité
     * @param id the registration
     * @return the entries, empty when unknown
     */
    List<TrailEntry> trail(TenantId tenant, RegistrationId id);

    /**
     * Erasure (RGPD art. 17): gives each inactive registration of the usager (as participant or as the
     * one who registered) random ids in their place, except one whose refund is still due. Returns how
     * many were detached. Running it twice changes nothing more.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return how many registrations were detached
     */
    int detachUsager(TenantId tenant, UsagerId usager);

    /**
     * A store in memory, for tests and for a host without a database.
     *
     * @return a new, empty store
     */
    static RegistrationStore inMemory() {
        return new org.opengru.scheduling.registration.internal.InMemoryRegistrationStore();
    }
}
