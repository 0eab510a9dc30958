package org.opengru.core.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.RequestId;
import org.opengru.core.request.ForwardingRequestStore;
import org.opengru.core.request.HistoryEntry;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestChange;
import org.opengru.core.request.RequestStore;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.timeline.TimelineStore;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * For the embedded (in-memory) mode: wraps a {@link RequestStore} so that every applied change also
 * appends its audit entries, its timeline entries and its events to the outbox, as the PostgreSQL store
 * does in one transaction. Changes to one request are recorded under a per-request lock, so audit chain,
 * timeline and outbox follow the history's order. One JVM only: with PostgreSQL use {@code
 * PostgresPersistence.requestStore()}, which does this atomically.
 */
public final class RecordingRequestStore extends ForwardingRequestStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditTrail audit;
    private final TimelineStore timeline;
    private final Outbox outbox;
    private final ConcurrentHashMap<RequestId, Object> locks = new ConcurrentHashMap<>();

    /**
     * A store recording every change of the delegate.
     *
     * @param delegate the in-memory request store
     * @param audit the audit trail
     * @param timeline the timeline store
     * @param outbox the outbox
     */
    public RecordingRequestStore(RequestStore delegate, AuditTrail audit, TimelineStore timeline, Outbox outbox) {
        super(delegate);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public Outcome apply(RequestChange change) {
        Request r = change.request();
        synchronized (locks.computeIfAbsent(r.id(), id -> new Object())) {
            Outcome outcome = delegate.apply(change);
            if (outcome.replayed()) {
                return outcome;
            }
            for (HistoryEntry h : change.history()) {
                audit.append(auditRecord(r, h));
                timeline.append(timelineEntry(r, h));
            }
            List<OutboxMessage> messages = new ArrayList<>();
            for (DomainEvent e : change.events()) {
                ObjectNode payload = JSON.createObjectNode();
                payload.set("event", JSON.valueToTree(e));
                payload.set("request", JSON.valueToTree(r));
                payload.put("requestVersion", r.version());
                messages.add(new OutboxMessage(
                        e.eventId(),
                        e.tenant(),
                        "request",
                        r.id().toString(),
                        e.type(),
                        e.occurredAt(),
                        JSON.writeValueAsString(payload)));
            }
            if (!messages.isEmpty()) {
                outbox.append(messages);
            }
            return outcome;
        }
    }

    /**
     * The audit entry of a history entry: codes, states and hashes only (the same as in PostgreSQL).
     *
     * @param r the request after the change
     * @param h the history entry
     * @return the audit record
     */
    public static AuditRecord auditRecord(Request r, HistoryEntry h) {
        return auditRecord(r, h, null);
    }

    /**
     * The audit entry of a history entry whose event carries a payload: the same details plus the
     * payload's digest ({@code payloadSha256}), which the chain then covers.
     *
     * @param r the request after the change
     * @param h the history entry
     * @param payloadSha256 the SHA-256 of the event's payload text, or {@code null} when it has none
     * @return the audit record
     */
    public static AuditRecord auditRecord(Request r, HistoryEntry h, @Nullable String payloadSha256) {
        java.util.Map<String, String> details = new java.util.HashMap<>(16);
        if (payloadSha256 != null) {
            details.put("payloadSha256", payloadSha256);
        }
        details.put("sequence", Integer.toString(h.sequence()));
        details.put("version", Long.toString(r.version()));
        details.put(
                "procedure", r.procedure().code().value() + "@" + r.procedure().version());
        details.put("to", h.to().name());
        if (h.from() != null) {
            details.put("from", h.from().name());
        }
        if (h.implicit()) {
            details.put("implicit", "true");
        }
        if (h.reason() != null) {
            details.put("reasonSha256", AuditHashes.sha256(h.reason()));
        }
        return new AuditRecord(
                r.tenant(), r.id(), h.actor(), h.action().name(), h.channel().name(), h.at(), details);
    }

    /** {@code %06d} without String.format, which cost 7% of a submission's client time. */
    private static String sixDigits(int n) {
        String s = Integer.toString(n);
        return s.length() >= 6 ? s : "000000".substring(s.length()) + s;
    }

    /**
     * The applicant's timeline entry of a history entry (the same as in PostgreSQL).
     *
     * @param r the request after the change
     * @param h the history entry
     * @return the timeline entry
     */
    public static TimelineEntry timelineEntry(Request r, HistoryEntry h) {
        String summary = r.procedure().code().value() + " " + r.reference() + ": "
                + (h.from() == null ? "" : h.from().name() + " -> ") + h.to().name();
        return new TimelineEntry(
                r.tenant(),
                r.applicant(),
                h.at(),
                "core:request:" + r.id() + ":" + sixDigits(h.sequence()),
                "core",
                "request." + h.action().name(),
                r.id().toString(),
                h.channel().name(),
                summary);
    }
}
