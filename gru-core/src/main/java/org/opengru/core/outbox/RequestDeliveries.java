package org.opengru.core.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.SystemPrincipal;
import org.opengru.core.request.ActorRole;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;

/**
 * The pushes of one request's events to the logiciels métier (the outbox's subscribers), as the back
 * office shows them: each delivery with its state (delivered, pending and retried, dead), and a retry of
 * a dead one. Only the agents of the request's team and the system: a resident never sees the plumbing
 * ({@link AccessDeniedException}); the request itself is loaded through {@link RequestService#get}, so its
 * access policy applies first. Thread-safe.
 */
public final class RequestDeliveries {

    /** The aggregate type the request stores write their events under. */
    static final String AGGREGATE = "request";

    private final Outbox outbox;
    private final RequestService requests;
    private final Clock clock;

    /**
     * The deliveries of requests' events.
     *
     * @param outbox the outbox
     * @param requests the request service, which checks access first
     * @param clock the installation's clock
     */
    public RequestDeliveries(Outbox outbox, RequestService requests, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Every delivery of the request's events, by subscriber then in stream order.
     *
     * @param actor an agent of the request's team, or the system
     * @param id the request
     * @return the deliveries
     * @throws org.opengru.core.error.AccessDeniedException for a resident or another team's agent
     */
    public List<OutboxRecord> of(Principal actor, RequestId id) {
        Request r = load(actor, id);
        List<OutboxRecord> out = new ArrayList<>();
        for (String subscriber : outbox.subscribers().stream().sorted().toList()) {
            out.addAll(outbox.stream(subscriber, r.tenant().value(), AGGREGATE, r.id().toString()));
        }
        out.sort(Comparator.comparing(OutboxRecord::subscriber).thenComparingLong(OutboxRecord::streamSequence));
        return List.copyOf(out);
    }

    /**
     * Sends a dead delivery of this request's events again, due now with its attempts reset. False when
     * that delivery is not one of this request's, is not dead, or its payload was already pruned.
     *
     * @param actor an agent of the request's team, or the system
     * @param id the request
     * @param event the event
     * @param subscriber the subscriber
     * @return {@code true} when requeued
     * @throws org.opengru.core.error.AccessDeniedException for a resident or another team's agent
     */
    public boolean retry(Principal actor, RequestId id, EventId event, String subscriber) {
        Request r = load(actor, id);
        boolean ours = outbox.stream(subscriber, r.tenant().value(), AGGREGATE, r.id().toString()).stream()
                .anyMatch(d -> d.message().eventId().equals(event) && d.status() == OutboxStatus.DEAD);
        return ours && outbox.retryDead(event, subscriber, clock.instant());
    }

    private Request load(Principal actor, RequestId id) {
        Request r = requests.get(actor, id);
        boolean allowed = actor instanceof SystemPrincipal
                || (actor instanceof AgentPrincipal
                        && requests.policy().rolesOf(actor, r).contains(ActorRole.AGENT));
        if (!allowed) {
            throw new AccessDeniedException(actor.toString(), "see the deliveries of", "request", id.toString());
        }
        return r;
    }
}
