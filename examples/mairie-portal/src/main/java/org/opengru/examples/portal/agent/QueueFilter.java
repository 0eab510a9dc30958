package org.opengru.examples.portal.agent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.TeamId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.WorkQueueQuery;
import org.opengru.examples.portal.commune.Commune;

/**
 * The work queue's GET form, read into a {@link WorkQueueQuery}: the field names and values are French and
 * stable (they end up in bookmarked links), the query is the library's. A value that is not one of the
 * form's is a {@link ValidationException} naming the field.
 */
public final class QueueFilter {

    /** The channels an agent filters on, with their labels, in the form's order. */
    static final Map<Channel, String> CHANNELS = org.opengru.examples.portal.commune.Labels.CHANNELS;

    private static final String[] FIELDS = {"vue", "demarche", "etat", "equipe", "agent", "canal", "echeance", "tri"};

    private final Map<String, String> values;
    private final WorkQueueQuery query;

    private QueueFilter(Map<String, String> values, WorkQueueQuery query) {
        this.values = values;
        this.query = query;
    }

    static QueueFilter of(Map<String, String> params, AgentPrincipal agent, Clock clock) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = params.getOrDefault(f, "").strip();
            if (!v.isEmpty()) {
                values.put(f, v);
            }
        }
        boolean closed = "closes".equals(values.get("vue"));
        if (values.containsKey("vue") && !closed) {
            throw new ValidationException("vue", values.get("vue"), "is not a view of the queue");
        }
        WorkQueueQuery.Builder b = WorkQueueQuery.builder()
                .view(closed ? WorkQueueQuery.View.CLOSED : WorkQueueQuery.View.OPEN)
                .sort(closed ? WorkQueueQuery.Sort.NEWEST : WorkQueueQuery.Sort.IMPLICIT_DECISION)
                .limit(20);
        String v;
        if ((v = values.get("demarche")) != null) {
            b.procedures(Set.of(ProcedureCode.of(v)));
        }
        if ((v = values.get("etat")) != null) {
            b.statuses(Set.of(oneOf("etat", v, RequestStatus.class)));
        }
        if ((v = values.get("equipe")) != null) {
            b.teams(Set.of(TeamId.of(v)));
        }
        if ((v = values.get("agent")) != null) {
            switch (v) {
                case "moi" -> b.assignee(agent.agent());
                case "personne" -> b.unassigned(true);
                default -> throw new ValidationException("agent", v, "is not moi or personne");
            }
        }
        if ((v = values.get("canal")) != null) {
            b.channels(Set.of(oneOf("canal", v, Channel.class)));
        }
        Instant now = clock.instant();
        if ((v = values.get("echeance")) != null) {
            switch (v) {
                case "depassee" -> b.dueBefore(now);
                case "7j" -> b.dueFrom(now).dueBefore(dayStart(clock, 7 + 2));
                case "31j" -> b.dueFrom(now).dueBefore(dayStart(clock, 31 + 2));
                default -> throw new ValidationException("echeance", v, "is not depassee, 7j or 31j");
            }
        }
        if ((v = values.get("tri")) != null) {
            b.sort(
                    switch (v) {
                        case "decision" -> WorkQueueQuery.Sort.IMPLICIT_DECISION;
                        case "anciennete" -> WorkQueueQuery.Sort.OLDEST;
                        case "recentes" -> WorkQueueQuery.Sort.NEWEST;
                        default -> throw new ValidationException("tri", v, "is not decision, anciennete or recentes");
                    });
        }
        String after = params.getOrDefault("apres", "").strip();
        if (!after.isEmpty()) {
            b.after(WorkQueueQuery.Cursor.parse(after));
        }
        return new QueueFilter(Map.copyOf(values), b.build());
    }

    /**
     * The start of the day {@code days} after today, in the commune's zone: a decision is due at the start
     * of the day after its date, so "within N days" (date at most today + N) is due before today + N + 2.
     */
    private static Instant dayStart(Clock clock, int days) {
        return java.time.LocalDate.now(clock.withZone(Commune.ZONE))
                .plusDays(days)
                .atStartOfDay(Commune.ZONE)
                .toInstant();
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new ValidationException(field, value, "is not one of the form's values"));
    }

    public WorkQueueQuery query() {
        return query;
    }

    public boolean closed() {
        return query.view() == WorkQueueQuery.View.CLOSED;
    }

    /** The value of a field of the form, or "" (to re-check the chosen option). */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The sort in the form's words. */
    public String sort() {
        return switch (query.sort()) {
            case IMPLICIT_DECISION -> "decision";
            case OLDEST -> "anciennete";
            case NEWEST -> "recentes";
        };
    }

    /** This page's address: the filters, no cursor (where "je prends" comes back to). */
    public String self() {
        return link(values);
    }

    /** The same filters, sorted another way, from the first page. */
    public String sortedBy(String sort) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put("tri", sort);
        return link(next);
    }

    /** The next page: the same filters after that cursor. */
    public String link(String cursor) {
        Map<String, String> next = new LinkedHashMap<>(values);
        next.put("apres", cursor);
        return link(next);
    }

    private static String link(Map<String, String> params) {
        if (params.isEmpty()) {
            return "/agent";
        }
        return "/agent?"
                + params.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
