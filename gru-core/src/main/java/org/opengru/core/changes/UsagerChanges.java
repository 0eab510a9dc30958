package org.opengru.core.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;

/**
 * What changed for an usager after a cursor: the live follow-up of "Mon espace" and of a request page asks
 * it at each tick, one indexed query, and rereads the requests only when the answer is not empty.
 *
 * <p>Only the usager follows their own changes. A change is stamped when its transaction starts and is
 * seen when it commits, so the cursor does not jump past the last change seen: it keeps the changes of the
 * last {@code settle} (30 seconds by default) by key and reads them again at each tick, and a change that
 * commits up to {@code settle} after its stamp (a slow transaction, a node whose clock is behind) is still
 * reported, once. A burst of more than 100 changes within the settle window (an import, a batch of
 * decisions) is followed without that guarantee for its own changes.
 */
public final class UsagerChanges {

    /** How long a transaction may take to commit a change and still have it reported. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(30);

    /** The most changes one read returns: a burst (a batch of decisions) comes in several reads. */
    static final int PAGE = 100;

    private final UsagerChangeFeed feed;
    private final Clock clock;
    private final Duration settle;

    private UsagerChanges(UsagerChangeFeed feed, Clock clock, Duration settle) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
        Checks.required("settle", settle);
        Checks.check(
                !settle.isNegative() && settle.compareTo(Duration.ofHours(1)) <= 0,
                "settle",
                settle,
                "must be between 0 and 1 hour");
        this.settle = settle;
    }

    public static UsagerChanges of(UsagerChangeFeed feed, Clock clock) {
        return new UsagerChanges(feed, clock, DEFAULT_SETTLE);
    }

    public static UsagerChanges of(UsagerChangeFeed feed, Clock clock, Duration settle) {
        return new UsagerChanges(feed, clock, settle);
    }

    /**
     * One read of the feed.
     *
     * @param changes the changes not reported before, oldest first
     * @param more whether more changes wait: read again with {@code next} at once
     * @param next the cursor for the next read
     */
    public record Batch(List<UsagerChange> changes, boolean more, ChangeCursor next) {

        public Batch {
            changes = List.copyOf(changes);
            Checks.required("next", next);
        }
    }

    /**
     * A cursor at "now": the changes made so far are not reported, those made from now on will be. Take it
     * before reading what the page shows first, and nothing falls in between.
     *
     * @throws AccessDeniedException when {@code actor} is not the usager
     */
    public ChangeCursor start(Principal actor, UsagerId usager) {
        UsagerPrincipal me = self(actor, usager);
        Instant horizon = clock.instant().minus(settle).truncatedTo(ChronoUnit.MICROS);
        List<UsagerChange> recent = feed.occurredAfter(me.tenant(), usager, horizon, PAGE + 1);
        if (recent.size() > PAGE) {
            // A burst: start after the last change read (the others of its instant are not known).
            horizon = recent.get(recent.size() - 1).occurredAt();
        }
        return new ChangeCursor(horizon, keysAfter(recent, horizon));
    }

    /**
     * The changes after {@code cursor}, and the cursor that follows them.
     *
     * @throws AccessDeniedException when {@code actor} is not the usager
     */
    public Batch after(Principal actor, UsagerId usager, ChangeCursor cursor) {
        UsagerPrincipal me = self(actor, usager);
        Checks.required("cursor", cursor);
        Instant settled = clock.instant().minus(settle).truncatedTo(ChronoUnit.MICROS);
        List<UsagerChange> read = feed.occurredAfter(me.tenant(), usager, cursor.horizon(), PAGE + 1);
        boolean more = read.size() > PAGE;
        List<UsagerChange> page = more ? read.subList(0, PAGE) : read;
        Instant horizon = settled.isAfter(cursor.horizon()) ? settled : cursor.horizon();
        if (more) {
            // The changes not read yet are at or after the last one read: the horizon stays before it.
            Instant beforeLast = page.get(PAGE - 1).occurredAt().minus(1, ChronoUnit.MICROS);
            if (beforeLast.isBefore(horizon) || page.get(0).occurredAt().isAfter(horizon)) {
                // Also when every change read is within the settle window: kept by key, they would be read
                // again and again; the burst is followed past them, without the settle window's guarantee.
                horizon = beforeLast.isAfter(cursor.horizon()) ? beforeLast : cursor.horizon();
            }
        }
        List<UsagerChange> fresh =
                page.stream().filter(c -> !cursor.seen().contains(c.key())).toList();
        return new Batch(fresh, more, new ChangeCursor(horizon, keysAfter(page, horizon)));
    }

    private static Set<String> keysAfter(List<UsagerChange> changes, Instant horizon) {
        return changes.stream()
                .filter(c -> c.occurredAt().isAfter(horizon))
                .map(UsagerChange::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static UsagerPrincipal self(Principal actor, UsagerId usager) {
        Checks.required("actor", actor);
        Checks.required("usager", usager);
        if (actor instanceof UsagerPrincipal me && me.usager().equals(usager)) {
            return me;
        }
        throw new AccessDeniedException(actor.toString(), "follow the changes of", "usager", usager.toString());
    }
}
