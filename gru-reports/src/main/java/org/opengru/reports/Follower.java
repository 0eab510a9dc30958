package org.opengru.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Someone told of every change of a signalement: its author first, then each "+1".
 *
 * @param verified whether the reporter may be told: always for a resident, once the link is followed for
 *     an e-mail
 * @param tokenHash the SHA-256 (hex) of the verification link's secret while not verified; the secret
 *     itself is never stored
 * @param tokenExpiresAt when that link stops working
 * @param reporter who follows: a resident or an e-mail address
 * @param joinedAt when they started following
 */
public record Follower(
        Reporter reporter,
        Instant joinedAt,
        boolean verified,
        @Nullable String tokenHash,
        @Nullable Instant tokenExpiresAt) {

    /**
     * Checks the reporter and time, truncating times to the microsecond (as PostgreSQL keeps them).
     *
     * @param reporter who follows: a resident or an e-mail address
     * @param joinedAt when they started following
     * @param verified whether the reporter may be told: always for a resident, once the link is followed for
     *     an e-mail
     * @param tokenHash the SHA-256 (hex) of the verification link's secret while not verified; the secret
     *     itself is never stored
     * @param tokenExpiresAt when that link stops working
     * @throws NullPointerException when the reporter or time is missing
     */
    public Follower {
        Objects.requireNonNull(reporter, "reporter");
        joinedAt = Objects.requireNonNull(joinedAt, "joinedAt").truncatedTo(ChronoUnit.MICROS);
        tokenExpiresAt = tokenExpiresAt == null ? null : tokenExpiresAt.truncatedTo(ChronoUnit.MICROS);
        if (verified != (tokenHash == null) || (tokenHash == null) != (tokenExpiresAt == null)) {
            throw new IllegalArgumentException("a follower is verified, or has a token and its expiry: " + verified);
        }
    }

    /**
     * A resident, verified by their sign-in.
     *
     * @param r the signed-in resident
     * @param at when they started following
     * @return a verified follower
     */
    public static Follower resident(Reporter.Resident r, Instant at) {
        return new Follower(r, at, true, null, null);
    }

    /**
     * This follower, verified.
     *
     * @return the follower with its link's token forgotten
     */
    public Follower verify() {
        return new Follower(reporter, joinedAt, true, null, null);
    }
}
