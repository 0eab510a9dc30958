package org.opengru.core.changes.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.changes.UsagerChange;
import org.opengru.core.changes.UsagerChangeFeed;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.exchange.MessagePosted;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.request.RequestEvent;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;

/**
 * The changes gru-core publishes, kept per usager: a request's events and the messages shared on its
 * thread, each under the request's applicant.
 */
public final class InMemoryUsagerChangeFeed implements UsagerChangeFeed {

    private static final Comparator<UsagerChange> ORDER =
            Comparator.comparing(UsagerChange::occurredAt).thenComparing(UsagerChange::key);

    private record Usager(TenantId tenant, UsagerId usager) {}

    private final RequestStore requests;
    private final Map<Usager, List<UsagerChange>> changes = new ConcurrentHashMap<>();

    private InMemoryUsagerChangeFeed(RequestStore requests) {
        this.requests = requests;
    }

    public static InMemoryUsagerChangeFeed listening(DomainEvents events, RequestStore requests) {
        InMemoryUsagerChangeFeed feed = new InMemoryUsagerChangeFeed(requests);
        events.subscribeAll(feed::record);
        return feed;
    }

    private void record(DomainEvent event) {
        RequestId request;
        UsagerChange.Kind kind;
        if (event instanceof RequestEvent e) {
            request = e.requestId();
            kind = UsagerChange.Kind.REQUEST;
        } else if (event instanceof MessagePosted m && m.visibility() == Visibility.SHARED) {
            request = m.requestId();
            kind = UsagerChange.Kind.MESSAGE;
        } else {
            return;
        }
        requests.find(event.tenant(), request).ifPresent(r -> {
            List<UsagerChange> list =
                    changes.computeIfAbsent(new Usager(event.tenant(), r.applicant()), u -> new ArrayList<>());
            synchronized (list) {
                list.add(new UsagerChange(request, event.eventId().toString(), kind, event.occurredAt()));
            }
        });
    }

    @Override
    public List<UsagerChange> occurredAfter(TenantId tenant, Set<UsagerId> applicants, Instant after, int limit) {
        List<UsagerChange> out = new ArrayList<>();
        for (UsagerId applicant : applicants) {
            List<UsagerChange> list = changes.getOrDefault(new Usager(tenant, applicant), List.of());
            synchronized (list) {
                list.stream().filter(c -> c.occurredAt().isAfter(after)).forEach(out::add);
            }
        }
        out.sort(ORDER);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
