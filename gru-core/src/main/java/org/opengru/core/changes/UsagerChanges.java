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
import org.opengru.core.usager.Representations;

/**
 * What changed for a signed-in usager after a cursor: the live follow-up of "Mon espace" and of a request
 * page asks it at each tick, one indexed query, and rereads the requests only when the answer is not empty.
 *
 * <p>An usager follows the requests they may see in their space: their own and those of the usagers they
 * act for (their household, whom they hold a mandate for), looked up at each read, so that a mandate that
 * ends stops the changes of its requests at once. Agents have the work queue, and no feed. A change is stamped when its transaction starts and is
 * seen when it commits, so the cursor does not jump past the last change seen: it keeps the changes of the
 * last {@code settle} (30 seconds by default) by key and reads them again at each tick, and a change that
 * commits up to {@code settle} after its stamp (a slow transaction, a node whose clock is behind) is still
 * reported, once. A burst of more than 100 changes within the settle window (an import, a batch of
 * decisions) is followed without that guarantee for its own changes.
 */
public final class UsagerChanges {

    /** How long a transaction may take to commit a change and still have it reported. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(30);

    /** How long a {@link Follower} keeps whom the usager acts for before looking it up again. */
    public static final Duration RECHECK = Duration.ofMinutes(1);

    /** The most changes one read returns: a burst (a batch of decisions) comes in several reads. */
    static final int PAGE = 100;

    private final UsagerChangeFeed feed;
    private final Representations representations;
    private final Clock clock;
    private final Duration settle;

    private UsagerChanges(UsagerChangeFeed feed, Representations representations, Clock clock, Duration settle) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.representations = Objects.requireNonNull(representations, "representations");
        this.clock = Objects.requireNonNull(clock, "clock");
        Checks.required("settle", settle);
        Checks.check(
                !settle.isNegative() && settle.compareTo(Duration.ofHours(1)) <= 0,
                "settle",
                settle,
                "must be between 0 and 1 hour");
        this.settle = settle;
    }

    /**
     * The changes of a signed-in usager, with the default settle window (30 seconds).
     *
     * @param feed the changes as the log has them
     * @param representations whom each usager acts for (household, mandates)
     * @param clock the one clock
     * @return the service
     */
    public static UsagerChanges of(UsagerChangeFeed feed, Representations representations, Clock clock) {
        return new UsagerChanges(feed, representations, clock, DEFAULT_SETTLE);
    }

    /**
     * The changes of a signed-in usager, with a settle window of one's own.
     *
     * @param feed the changes as the log has them
     * @param representations whom each usager acts for (household, mandates)
     * @param clock the one clock
     * @param settle how long a change may commit after a later-stamped one and still be reported once
     * @return the service
     * @throws org.opengru.core.error.ValidationException naming {@code settle} outside 0 to 1 hour
     */
    public static UsagerChanges of(
            UsagerChangeFeed feed, Representations representations, Clock clock, Duration settle) {
        return new UsagerChanges(feed, representations, clock, settle);
    }

    /**
     * One read of the feed.
     *
     * @param changes the changes not reported before, oldest first
     * @param more whether more changes wait: read again with {@code next} at once
     * @param next the cursor for the next read
     */
    public record Batch(List<UsagerChange> changes, boolean more, ChangeCursor next) {

        /**
         * Copies the changes.
         *
         * @param changes the changes not reported before, oldest first
         * @param more whether more changes wait: read again with {@code next} at once
         * @param next the cursor for the next read
         * @throws org.opengru.core.error.ValidationException naming {@code next} when absent
         */
        public Batch {
            changes = List.copyOf(changes);
            Checks.required("next", next);
        }
    }

    /**
     * A cursor at "now": the changes made so far are not reported, those made from now on will be. Take it
     * before reading what the page shows first, and nothing falls in between.
     *
     * @param actor the signed-in usager
     * @return the cursor
     * @throws AccessDeniedException when {@code actor} is not an usager
     */
    public ChangeCursor start(Principal actor) {
        return start(usager(actor));
    }

    private ChangeCursor start(UsagerPrincipal me) {
        Instant now = clock.instant();
        Instant horizon = now.minus(settle).truncatedTo(ChronoUnit.MICROS);
        List<UsagerChange> recent = feed.occurredAfter(me.tenant(), followed(me, now), horizon, PAGE + 1);
        if (recent.size() > PAGE) {
            // A burst: start after the last change read (the others of its instant are not known).
            horizon = recent.get(recent.size() - 1).occurredAt();
        }
        return new ChangeCursor(horizon, keysAfter(recent, horizon));
    }

    /**
     * The changes after {@code cursor}, and the cursor that follows them.
     *
     * @param actor the signed-in usager
     * @param cursor where the last read ended
     * @return the changes and the next cursor
     * @throws AccessDeniedException when {@code actor} is not an usager
     */
    public Batch after(Principal actor, ChangeCursor cursor) {
        UsagerPrincipal me = usager(actor);
        Checks.required("cursor", cursor);
        Instant now = clock.instant();
        return read(me, followed(me, now), cursor, now);
    }

    /**
     * A follower of a signed-in usager's changes, for a stream that asks at each tick: its cursor starts at
     * "now" ({@link #start}), each {@link Follower#next()} is one query of the feed, and whom the usager acts
     * for is looked up again every {@link #RECHECK} (two more queries) rather than at each tick.
     *
     * @param actor the signed-in usager
     * @return the follower
     * @throws AccessDeniedException when {@code actor} is not an usager
     */
    public Follower follow(Principal actor) {
        UsagerPrincipal me = usager(actor);
        Instant now = clock.instant();
        return new Follower(me, followed(me, now), now, start(me));
    }

    /** One stream's follower of an usager's changes; not shared between threads without care (synchronized). */
    public final class Follower {

        private final UsagerPrincipal me;
        private Set<UsagerId> followed;
        private Instant checkedAt;
        private ChangeCursor cursor;

        private Follower(UsagerPrincipal me, Set<UsagerId> followed, Instant checkedAt, ChangeCursor cursor) {
            this.me = me;
            this.followed = followed;
            this.checkedAt = checkedAt;
            this.cursor = cursor;
        }

        /**
         * The changes since the last call (or since {@link #follow}), the cursor moved past them.
         *
         * @return the changes and the cursor after them
         */
        public synchronized Batch next() {
            Instant now = clock.instant();
            if (now.isBefore(checkedAt) || !now.isBefore(checkedAt.plus(RECHECK))) {
                followed = followed(me, now);
                checkedAt = now;
            }
            Batch batch = read(me, followed, cursor, now);
            cursor = batch.next();
            return batch;
        }

        /**
         * Where the follower stands, to resume elsewhere with {@link UsagerChanges#after}.
         *
         * @return the cursor after the last changes returned
         */
        public synchronized ChangeCursor cursor() {
            return cursor;
        }
    }

    private Batch read(UsagerPrincipal me, Set<UsagerId> followed, ChangeCursor cursor, Instant now) {
        Instant settled = now.minus(settle).truncatedTo(ChronoUnit.MICROS);
        List<UsagerChange> read = feed.occurredAfter(me.tenant(), followed, cursor.horizon(), PAGE + 1);
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

    /** The applicants whose requests the usager sees: themselves and whom they act for, now. */
    private Set<UsagerId> followed(UsagerPrincipal me, Instant now) {
        return representations.actsFor(me.tenant(), me.usager(), now);
    }

    private static UsagerPrincipal usager(Principal actor) {
        Checks.required("actor", actor);
        if (actor instanceof UsagerPrincipal me) {
            return me;
        }
        throw new AccessDeniedException(
                actor.toString(), "follow the changes of", "usager", actor.ref().toString());
    }
}
