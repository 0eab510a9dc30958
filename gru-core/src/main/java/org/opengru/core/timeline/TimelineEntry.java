package org.opengru.core.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * One line of an usager's timeline.
 *
 * @param occurredAt when (kept to the microsecond)
 * @param entryId unique within the usager's timeline, ASCII (such as {@code core:<request>:<seq>}):
 *     breaks ties between entries of the same instant
 * @param module the contributing module ({@code core}, {@code documents}, {@code scheduling}...)
 * @param kind what happened, such as {@code request.SUBMIT} or {@code appointment.booked}
 * @param subjectId the object concerned (a request id, an appointment id...)
 * @param channel the channel it came through, when known
 * @param summary a short text for the agent's screen
 * @param tenant the collectivité
 * @param usager whose timeline
 */
public record TimelineEntry(
        TenantId tenant,
        UsagerId usager,
        Instant occurredAt,
        String entryId,
        String module,
        String kind,
        @Nullable String subjectId,
        @Nullable String channel,
        String summary) {

    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** Newest first; ties broken by entry id, descending. */
    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(TimelineEntry::entryId)
            .reversed();

    /**
     * Checks every part and truncates the time to the microsecond.
     *
     * @param tenant the collectivité
     * @param usager whose timeline
     * @param occurredAt when (kept to the microsecond)
     * @param entryId unique within the usager's timeline, ASCII (such as {@code core:<request>:<seq>}):
     *     breaks ties between entries of the same instant
     * @param module the contributing module ({@code core}, {@code documents}, {@code scheduling}...)
     * @param kind what happened, such as {@code request.SUBMIT} or {@code appointment.booked}
     * @param subjectId the object concerned (a request id, an appointment id...)
     * @param channel the channel it came through, when known
     * @param summary a short text for the agent's screen
     * @throws org.opengru.core.error.ValidationException naming the bad part
     */
    public TimelineEntry {
        Checks.required("timeline.tenant", tenant);
        Checks.required("timeline.usager", usager);
        occurredAt = Checks.required("timeline.occurredAt", occurredAt).truncatedTo(ChronoUnit.MICROS);
        Checks.matches("timeline.entryId", entryId, ID, "1-200 printable ASCII characters");
        module = Checks.text("timeline.module", module, 64);
        kind = Checks.text("timeline.kind", kind, 128);
        summary = Checks.text("timeline.summary", summary, 1000);
    }

    /**
     * The page a contributor returns from entries it read: those strictly older than {@code before}, newest
     * first, at most {@code limit}.
     *
     * @param entries the entries the contributor read
     * @param before the cursor, or {@code null}
     * @param limit the most entries
     * @return the page
     */
    public static List<TimelineEntry> page(
            java.util.Collection<TimelineEntry> entries, @Nullable TimelineCursor before, int limit) {
        return entries.stream()
                .filter(e -> e.isBefore(before))
                .sorted(NEWEST_FIRST)
                .limit(Math.max(0, limit))
                .toList();
    }

    /**
     * The cursor that pages past this entry.
     *
     * @return the cursor
     */
    public TimelineCursor cursor() {
        return new TimelineCursor(occurredAt, entryId);
    }

    /**
     * Whether this entry comes strictly after the cursor in newest-first order.
     *
     * @param cursor the cursor, or {@code null}
     * @return {@code true} when the entry belongs after it (always without cursor)
     */
    public boolean isBefore(@Nullable TimelineCursor cursor) {
        if (cursor == null) {
            return true;
        }
        int c = occurredAt.compareTo(cursor.occurredAt());
        return c < 0 || (c == 0 && entryId.compareTo(cursor.entryId()) < 0);
    }
}
