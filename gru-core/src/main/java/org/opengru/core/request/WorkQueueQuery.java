package org.opengru.core.request;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;

/**
 * One page of an agent's work queue (corbeille): the open requests ({@link View#OPEN}: received and not
 * decided) or the closed ones ({@link View#CLOSED}: decided or withdrawn), narrowed by the filters (an
 * empty set filters nothing), in one {@link Sort} order, after a keyset {@link Cursor}. Build it with
 * {@link #builder()}; every bad value is a {@link ValidationException} naming its field.
 *
 * @param assignee only the requests taken by that agent ({@code null}: anyone's or nobody's)
 * @param unassigned only the requests nobody took yet (exclusive with {@code assignee})
 * @param dueFrom only requests whose implicit decision is due at or after that instant
 * @param dueBefore only requests whose implicit decision is due strictly before that instant; with either
 *     bound, requests without an implicit-decision deadline are left out
 * @param after the cursor of the previous page's last request, in this order
 * @param view open or closed requests
 * @param procedures only these démarches, empty for all
 * @param statuses only these statuses within the view, empty for all
 * @param teams the teams whose requests are shown
 * @param channels only these channels, empty for all
 * @param sort the order
 * @param limit the page's size
 */
public record WorkQueueQuery(
        View view,
        Set<ProcedureCode> procedures,
        Set<RequestStatus> statuses,
        Set<TeamId> teams,
        @Nullable AgentId assignee,
        boolean unassigned,
        Set<Channel> channels,
        @Nullable Instant dueFrom,
        @Nullable Instant dueBefore,
        Sort sort,
        @Nullable Cursor after,
        int limit) {

    /** The open requests (received, awaiting a decision) or the closed ones (decided or withdrawn). */
    public enum View {
        /** Received and awaiting a decision. */
        OPEN,
        /** Decided or withdrawn. */
        CLOSED;

        /**
         * The statuses this view shows.
         *
         * @return the statuses
         */
        public Set<RequestStatus> statuses() {
            return this == OPEN
                    ? EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW, RequestStatus.AWAITING_COMPLEMENT)
                    : EnumSet.of(
                            RequestStatus.ACCEPTED,
                            RequestStatus.REJECTED,
                            RequestStatus.CLOSED_WITHOUT_FOLLOW_UP,
                            RequestStatus.WITHDRAWN);
        }
    }

    /** The order of a page; every order ends on the id, so it is total and a cursor is exact. */
    public enum Sort {
        /** The implicit decision due first (date de décision implicite), requests without one last. */
        IMPLICIT_DECISION,
        /** The oldest filed first. */
        OLDEST,
        /** The newest filed first. */
        NEWEST
    }

    /**
     * Where the previous page stopped: the last request's implicit-decision instant (only for {@link
     * Sort#IMPLICIT_DECISION}; {@code null} when it had none) and its id. {@link #token()} is its text form
     * for a link; {@link #parse} reads it back.
     *
     * @param dueAt the last request's implicit-decision instant, or {@code null}
     * @param id the last request
     */
    public record Cursor(@Nullable Instant dueAt, RequestId id) {

        /**
         * Checks the cursor.
         *
         * @param dueAt the last request's implicit-decision instant, or {@code null}
         * @param id the last request
         * @throws NullPointerException naming a missing value
         */
        public Cursor {
            Checks.required("cursor.id", id);
        }

        /**
         * The cursor after that request in that order.
         *
         * @param last the last request of the page
         * @param sort the page's order
         * @return the cursor
         */
        public static Cursor after(Request last, Sort sort) {
            Instant due = sort == Sort.IMPLICIT_DECISION && last.deadline() != null
                    ? last.deadline().dueAt()
                    : null;
            return new Cursor(due, last.id());
        }

        /**
         * The cursor as an opaque text, for a link or a form.
         *
         * @return the token
         */
        public String token() {
            return (dueAt == null ? "-" : dueAt.toString()) + "_" + id;
        }

        /**
         * Reads a {@link #token()}; anything else is a {@link ValidationException} on {@code cursor}.
         *
         * @param token the text
         * @return the cursor
         */
        public static Cursor parse(String token) {
            Checks.required("cursor", token);
            int sep = token.indexOf('_');
            if (sep < 1) {
                throw new ValidationException("cursor", token, "is not a work-queue cursor");
            }
            String due = token.substring(0, sep);
            try {
                return new Cursor(
                        due.equals("-") ? null : Instant.parse(due), RequestId.parse(token.substring(sep + 1)));
            } catch (java.time.format.DateTimeParseException | ValidationException e) {
                throw new ValidationException("cursor", token, "is not a work-queue cursor");
            }
        }
    }

    /**
     * Copies the sets and checks the query.
     *
     * @param view open or closed requests
     * @param procedures only these démarches, empty for all
     * @param statuses only these statuses within the view, empty for all
     * @param teams the teams whose requests are shown
     * @param assignee only the requests taken by that agent ({@code null}: anyone's or nobody's)
     * @param unassigned only the requests nobody took yet (exclusive with {@code assignee})
     * @param channels only these channels, empty for all
     * @param dueFrom only requests whose implicit decision is due at or after that instant
     * @param dueBefore only requests whose implicit decision is due strictly before that instant; with either bound,
     *     requests without an implicit-decision deadline are left out
     * @param sort the order
     * @param after the cursor of the previous page's last request, in this order
     * @param limit the page's size
     * @throws ValidationException naming the field out of range (a status outside the view, a limit...)
     */
    public WorkQueueQuery {
        Checks.required("view", view);
        procedures = Set.copyOf(Checks.required("procedures", procedures));
        statuses = Set.copyOf(Checks.required("statuses", statuses));
        for (RequestStatus s : statuses) {
            Checks.check(view.statuses().contains(s), "statuses", s, () -> "is not shown in the " + view + " view");
        }
        teams = Set.copyOf(Checks.required("teams", teams));
        channels = Set.copyOf(Checks.required("channels", channels));
        Checks.check(assignee == null || !unassigned, "unassigned", unassigned, "cannot be combined with an assignee");
        Checks.check(
                dueFrom == null || dueBefore == null || dueFrom.isBefore(dueBefore),
                "dueBefore",
                dueBefore,
                () -> "must be after dueFrom " + dueFrom);
        Checks.required("sort", sort);
        Checks.check(
                after == null || sort == Sort.IMPLICIT_DECISION || after.dueAt() == null,
                "after",
                after,
                () -> "carries an implicit-decision instant, which the " + sort + " order has not");
        Checks.check(limit >= 1 && limit <= 200, "limit", limit, "must be between 1 and 200");
    }

    /**
     * The statuses actually selected: the filter, or the whole view's.
     *
     * @return the statuses
     */
    public Set<RequestStatus> effectiveStatuses() {
        return statuses.isEmpty() ? view.statuses() : statuses;
    }

    /**
     * The same query with other teams (the service narrows it to the agent's).
     *
     * @param narrowed the teams
     * @return the copy
     */
    public WorkQueueQuery withTeams(Set<TeamId> narrowed) {
        return new WorkQueueQuery(
                view,
                procedures,
                statuses,
                narrowed,
                assignee,
                unassigned,
                channels,
                dueFrom,
                dueBefore,
                sort,
                after,
                limit);
    }

    /**
     * Whether a request passes every filter and comes after the cursor (teams included).
     *
     * @param r the request
     * @return {@code true} when it passes
     */
    public boolean accepts(Request r) {
        @Nullable Instant due = r.deadline() == null ? null : r.deadline().dueAt();
        return effectiveStatuses().contains(r.status())
                && (teams.isEmpty() || teams.contains(r.team()))
                && (procedures.isEmpty() || procedures.contains(r.procedure().code()))
                && (channels.isEmpty() || channels.contains(r.intake().channel()))
                && (assignee == null || assignee.equals(r.assignee()))
                && (!unassigned || r.assignee() == null)
                && (dueFrom == null || (due != null && !due.isBefore(dueFrom)))
                && (dueBefore == null || (due != null && due.isBefore(dueBefore)))
                && (after == null || comparator().compare(r, after) > 0);
    }

    /** This query's order, as a comparator of a request and a cursor (negative: the request comes first). */
    private CursorOrder comparator() {
        return (r, c) -> {
            return switch (sort) {
                case OLDEST -> r.id().compareTo(c.id());
                case NEWEST -> c.id().compareTo(r.id());
                case IMPLICIT_DECISION -> {
                    @Nullable
                    Instant due = r.deadline() == null ? null : r.deadline().dueAt();
                    int byDue = compareNullsLast(due, c.dueAt());
                    yield byDue != 0 ? byDue : r.id().compareTo(c.id());
                }
            };
        };
    }

    /**
     * This query's order on requests.
     *
     * @return the comparator
     */
    public java.util.Comparator<Request> order() {
        return (a, b) -> comparator().compare(a, Cursor.after(b, sort));
    }

    private static int compareNullsLast(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    @FunctionalInterface
    private interface CursorOrder {
        int compare(Request r, Cursor c);
    }

    /**
     * Open requests, implicit decision due first, 50 a page, no filter.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private View view = View.OPEN;
        private Set<ProcedureCode> procedures = Set.of();
        private Set<RequestStatus> statuses = Set.of();
        private Set<TeamId> teams = Set.of();
        private @Nullable AgentId assignee;
        private boolean unassigned;
        private Set<Channel> channels = Set.of();
        private @Nullable Instant dueFrom;
        private @Nullable Instant dueBefore;
        private Sort sort = Sort.IMPLICIT_DECISION;
        private @Nullable Cursor after;
        private int limit = 50;

        private Builder() {}

        /**
         * Open or closed requests.
         *
         * @param v the view
         * @return this builder
         */
        public Builder view(View v) {
            view = v;
            return this;
        }

        /**
         * Only these démarches.
         *
         * @param p the démarches, empty for all
         * @return this builder
         */
        public Builder procedures(Set<ProcedureCode> p) {
            procedures = p;
            return this;
        }

        /**
         * Only these statuses, within the view.
         *
         * @param s the statuses, empty for the whole view
         * @return this builder
         */
        public Builder statuses(Set<RequestStatus> s) {
            statuses = s;
            return this;
        }

        /**
         * Only these teams (the agent's by default).
         *
         * @param t the teams
         * @return this builder
         */
        public Builder teams(Set<TeamId> t) {
            teams = t;
            return this;
        }

        /**
         * Only the requests this agent has in hand.
         *
         * @param a the agent, or {@code null}
         * @return this builder
         */
        public Builder assignee(@Nullable AgentId a) {
            assignee = a;
            return this;
        }

        /**
         * Only the requests nobody has in hand.
         *
         * @param u {@code true} to select them
         * @return this builder
         */
        public Builder unassigned(boolean u) {
            unassigned = u;
            return this;
        }

        /**
         * Only the requests that came through these channels.
         *
         * @param c the channels, empty for all
         * @return this builder
         */
        public Builder channels(Set<Channel> c) {
            channels = c;
            return this;
        }

        /**
         * Only the requests whose implicit decision is due from then on.
         *
         * @param from the instant, or {@code null}
         * @return this builder
         */
        public Builder dueFrom(@Nullable Instant from) {
            dueFrom = from;
            return this;
        }

        /**
         * Only the requests whose implicit decision is due before then.
         *
         * @param before the instant, or {@code null}
         * @return this builder
         */
        public Builder dueBefore(@Nullable Instant before) {
            dueBefore = before;
            return this;
        }

        /**
         * The order.
         *
         * @param s the order
         * @return this builder
         */
        public Builder sort(Sort s) {
            sort = s;
            return this;
        }

        /**
         * The page after this cursor.
         *
         * @param c the cursor, or {@code null} for the first page
         * @return this builder
         */
        public Builder after(@Nullable Cursor c) {
            after = c;
            return this;
        }

        /**
         * The page's size.
         *
         * @param n from 1 to the maximum
         * @return this builder
         */
        public Builder limit(int n) {
            limit = n;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws ValidationException naming the field out of range
         */
        public WorkQueueQuery build() {
            return new WorkQueueQuery(
                    view,
                    procedures,
                    statuses,
                    teams,
                    assignee,
                    unassigned,
                    channels,
                    dueFrom,
                    dueBefore,
                    sort,
                    after,
                    limit);
        }
    }
}
