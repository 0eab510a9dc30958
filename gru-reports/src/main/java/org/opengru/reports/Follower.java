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
 */
public record Follower(
        Reporter reporter,
        Instant joinedAt,
        boolean verified,
        @Nullable String tokenHash,
        @Nullable Instant tokenExpiresAt) {

    public Follower {
        Objects.requireNonNull(reporter, "reporter");
        joinedAt = Objects.requireNonNull(joinedAt, "joinedAt").truncatedTo(ChronoUnit.MICROS);
        tokenExpiresAt = tokenExpiresAt == null ? null : tokenExpiresAt.truncatedTo(ChronoUnit.MICROS);
        if (verified != (tokenHash == null) || (tokenHash == null) != (tokenExpiresAt == null)) {
            throw new IllegalArgumentException("a follower is verified, or has a token and its expiry: " + verified);
        }
    }

    /** A resident, verified by their sign-in. */
    public static Follower resident(Reporter.Resident r, Instant at) {
        return new Follower(r, at, true, null, null);
    }

    /** This follower, verified. */
    public Follower verify() {
        return new Follower(reporter, joinedAt, true, null, null);
    }
}
