package org.opengru.core.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.acknowledgment.Acknowledgment;
import org.opengru.core.acknowledgment.AppealInformation;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.event.DomainEventListener;
import org.opengru.core.exchange.MessagePosted;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.request.ComplementRequested;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStatusChanged;
import org.opengru.core.request.RequestStore;
import org.opengru.core.request.RequestSubmitted;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns gru-core's request events into notices for the applicant: submitted (with the accusé de
 * réception attached), complement requested (missing pieces and deadline), decided (with the means of
 * appeal), new message from an agent. Two ways to feed them:
 *
 * <ul>
 *   <li>from the transactional outbox, where the PostgreSQL stores write request events with the change:
 *       {@link NotificationService.Builder#requestEvents} makes the notification subscriber map them, so a
 *       notice exists exactly when the change committed;
 *   <li>from the in-process bus ({@link #listener}) for the in-memory embedded setup, where events are
 *       published after the change is stored.
 * </ul>
 */
public final class RequestNotices {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);
    private static final String DEFAULT_APPEAL = "vous pouvez former un recours gracieux auprès de la collectivité"
            + " ou un recours contentieux devant le tribunal administratif dans un délai de deux mois";

    private final String portalBaseUrl;
    private final ZoneId zone;

    /**
     * Notices whose links point to the portal.
     *
     * @param portalBaseUrl the portal's address of a request is this followed by the request id
     * @param zone the collectivité's zone, for dates
     */
    public RequestNotices(String portalBaseUrl, ZoneId zone) {
        this.portalBaseUrl = Objects.requireNonNull(portalBaseUrl, "portalBaseUrl");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The facts of an event the notices need, whichever way it arrived. */
    private record Facts(
            String type,
            EventId eventId,
            Instant occurredAt,
            @Nullable RequestStatus to,
            boolean implicit,
            List<String> missing,
            @Nullable LocalDate dueBy,
            boolean sharedAgentMessage) {}

    /**
     * The notice of a typed event about the request, if it is one the applicant is told of.
     *
     * @param request the request after the change
     * @param event the event
     * @return the notice, or empty
     */
    public Optional<RequestNotice> from(Request request, DomainEvent event) {
        Facts f;
        if (event instanceof RequestSubmitted) {
            f = new Facts("RequestSubmitted", event.eventId(), event.occurredAt(), null, false, List.of(), null, false);
        } else if (event instanceof ComplementRequested c) {
            f = new Facts(
                    "ComplementRequested", c.eventId(), c.occurredAt(), null, false, c.missing(), c.dueBy(), false);
        } else if (event instanceof RequestStatusChanged s) {
            f = new Facts(
                    "RequestStatusChanged", s.eventId(), s.occurredAt(), s.to(), s.implicit(), List.of(), null, false);
        } else if (event instanceof MessagePosted m) {
            boolean shared = m.visibility() == Visibility.SHARED && m.author().kind() == ActorKind.AGENT;
            f = new Facts("MessagePosted", m.eventId(), m.occurredAt(), null, false, List.of(), null, shared);
        } else {
            return Optional.empty();
        }
        return notice(request, f);
    }

    /**
     * The notice of a request event read from the outbox (payload {@code {"event": …, "request"|"message":
     * …}}); the request itself is read from the store.
     *
     * @param record the outbox record
     * @param requests the request store
     * @return the notice, or empty
     */
    public Optional<RequestNotice> from(OutboxRecord record, RequestStore requests) {
        if (!"request".equals(record.message().aggregateType())) {
            return Optional.empty();
        }
        String type = record.message().eventType();
        if (!List.of("RequestSubmitted", "ComplementRequested", "RequestStatusChanged", "MessagePosted")
                .contains(type)) {
            return Optional.empty();
        }
        JsonNode event = JSON.readTree(record.message().payload()).path("event");
        RequestStatus to =
                event.hasNonNull("to") ? RequestStatus.valueOf(event.get("to").asString()) : null;
        List<String> missing = new ArrayList<>();
        event.path("missing").forEach(n -> missing.add(n.asString()));
        LocalDate dueBy =
                event.hasNonNull("dueBy") ? LocalDate.parse(event.get("dueBy").asString()) : null;
        JsonNode author = event.path("author");
        String authorKind = author.isObject() ? author.path("kind").asString("") : author.asString("");
        boolean shared = "SHARED".equals(event.path("visibility").asString(""))
                && authorKind.toUpperCase(Locale.ROOT).startsWith("AGENT");
        Facts f = new Facts(
                type,
                record.message().eventId(),
                record.message().occurredAt(),
                to,
                event.path("implicit").asBoolean(false),
                missing,
                dueBy,
                shared);
        RequestId id = RequestId.parse(record.message().aggregateId());
        return requests.find(record.message().tenant(), id).flatMap(r -> notice(r, f));
    }

    /**
     * A listener for the in-process bus that enqueues the notices of request events (in-memory setup:
     * events are published after the change is stored).
     *
     * @param requests the request store
     * @param notifications the notification service
     * @return the listener
     */
    public DomainEventListener<DomainEvent> listener(RequestStore requests, NotificationService notifications) {
        return event -> {
            RequestId id = null;
            if (event instanceof org.opengru.core.request.RequestEvent r) {
                id = r.requestId();
            } else if (event instanceof MessagePosted m) {
                id = m.requestId();
            }
            if (id != null) {
                requests.find(event.tenant(), id).flatMap(r -> from(r, event)).ifPresent(notifications::enqueue);
            }
        };
    }

    private Optional<RequestNotice> notice(Request r, Facts f) {
        Map<String, String> v = new HashMap<>();
        v.put("reference", r.reference().toString());
        Acknowledgment ack = r.acknowledgment();
        if (ack != null) {
            v.put("commune", ack.collectivityName()); // otherwise the commune's defaults name it
        }
        NotificationKind kind;
        List<Attachment> attachments = List.of();
        switch (f.type()) {
            case "RequestSubmitted" -> {
                if (ack == null) {
                    return Optional.empty();
                }
                kind = NotificationKind.REQUEST_RECEIVED;
                v.put("procedure", ack.procedureTitle());
                v.put("receivedOn", FRENCH_DATE.format(ack.receivedAt().atZone(zone)));
                String name = "accuse-reception-" + r.reference().toString() + ".html";
                attachments =
                        List.of(new Attachment(name, "text/html", ack.html().getBytes(StandardCharsets.UTF_8)));
            }
            case "ComplementRequested" -> {
                if (f.missing().isEmpty() || f.dueBy() == null) {
                    return Optional.empty();
                }
                kind = NotificationKind.COMPLEMENT_REQUESTED;
                v.put("missingPieces", "- " + String.join("\n- ", f.missing()));
                v.put("deadline", FRENCH_DATE.format(f.dueBy()));
            }
            case "RequestStatusChanged" -> {
                if (f.to() == null || !f.to().decided()) {
                    return Optional.empty();
                }
                kind = NotificationKind.DECISION;
                String decision = switch (f.to()) {
                    case ACCEPTED -> "acceptée";
                    case REJECTED -> "refusée";
                    default -> "classée sans suite";
                };
                v.put("decision", decision + (f.implicit() ? " (décision implicite)" : ""));
                v.put("appealMeans", appeal(ack));
            }
            case "MessagePosted" -> {
                if (!f.sharedAgentMessage()) {
                    return Optional.empty();
                }
                kind = NotificationKind.AGENT_MESSAGE;
                v.put("portalLink", portalBaseUrl + r.id());
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new RequestNotice(
                f.eventId(), r.tenant(), r.applicant(), kind, f.occurredAt(), r.id(), v, attachments));
    }

    private static String appeal(@Nullable Acknowledgment ack) {
        AppealInformation a = ack == null ? null : ack.appeal();
        if (a == null) {
            return DEFAULT_APPEAL;
        }
        return "vous pouvez former un recours gracieux auprès de " + a.gracefulAppealAuthority()
                + " ou un recours contentieux devant " + a.court() + " dans un délai de deux mois";
    }
}
