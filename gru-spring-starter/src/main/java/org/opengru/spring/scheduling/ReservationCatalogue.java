package org.opengru.spring.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.ReservableId;

/**
 * What residents may reserve and register for, as the application declared it (properties and beans):
 * the rooms and equipment, the event sessions, and the names of the pieces each room asks for. Read-only
 * after start; the places left are the registration store's.
 */
public final class ReservationCatalogue {

    private final List<Reservable> reservables;
    private final List<EventSession> sessions;
    private final Map<String, String> pieceNames;

    ReservationCatalogue(List<Reservable> reservables, List<EventSession> sessions, Map<String, String> pieceNames) {
        this.reservables = List.copyOf(reservables);
        List<EventSession> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(EventSession::startsAt).thenComparing(s -> s.id().value()));
        this.sessions = List.copyOf(sorted);
        this.pieceNames = Map.copyOf(pieceNames);
    }

    /**
     * The rooms and equipment of a collectivité, by name.
     *
     * @param tenant the collectivité
     * @return its reservables
     */
    public List<Reservable> reservables(TenantId tenant) {
        return reservables.stream()
                .filter(r -> r.tenant().equals(tenant))
                .sorted(Comparator.comparing(Reservable::name))
                .toList();
    }

    /**
     * A room or equipment of the collectivité.
     *
     * @param tenant the collectivité
     * @param id its code
     * @return the reservable, empty when the collectivité has none of that code
     */
    public Optional<Reservable> reservable(TenantId tenant, ReservableId id) {
        return reservables.stream()
                .filter(r -> r.tenant().equals(tenant) && r.id().equals(id))
                .findFirst();
    }

    /**
     * The event sessions of a collectivité, by start.
     *
     * @param tenant the collectivité
     * @return its sessions
     */
    public List<EventSession> sessions(TenantId tenant) {
        return sessions.stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    /**
     * A session of the collectivité.
     *
     * @param tenant the collectivité
     * @param id the session
     * @return the session, empty when unknown
     */
    public Optional<EventSession> session(TenantId tenant, SessionId id) {
        return sessions.stream()
                .filter(s -> s.tenant().equals(tenant) && s.id().equals(id))
                .findFirst();
    }

    /**
     * The name of a piece as residents read it ({@code required-pieces.<code>}), else its code.
     *
     * @param reservable the room or equipment asking for it
     * @param code the piece's code
     * @return its name
     */
    public String pieceName(Reservable reservable, String code) {
        return pieceNames.getOrDefault(key(reservable.tenant(), reservable.id(), code), code);
    }

    List<Reservable> all() {
        return reservables;
    }

    List<EventSession> allSessions() {
        return sessions;
    }

    static String key(TenantId tenant, ReservableId id, String code) {
        return tenant.value() + "/" + id.value() + "/" + code;
    }
}
