package org.opengru.franceconnect.jwks;

import java.time.Duration;
import org.opengru.franceconnect.InvalidConfigurationException;

/**
 * Timings of a {@link JwksCache}.
 *
 * @param refreshAhead age after which the keys are refreshed in the background, while still served
 * @param maxStale age after which cached keys are no longer trusted if the provider cannot be reached
 * @param minRefetchInterval least time between two fetches triggered by an unknown kid or a bad
 *     signature: however many hostile tokens arrive, the provider sees at most one fetch per interval
 */
public record JwksCacheConfig(Duration refreshAhead, Duration maxStale, Duration minRefetchInterval) {

    /**
     * Checks the timings.
     *
     * @param refreshAhead age after which the keys are refreshed in the background, while still served
     * @param maxStale age after which cached keys are no longer trusted if the provider cannot be reached
     * @param minRefetchInterval least time between two fetches triggered by an unknown kid or a bad signature: however many hostile tokens arrive, the provider sees at most one fetch per interval
     * @throws org.opengru.franceconnect.InvalidConfigurationException when a duration is too short, or
     *     {@code maxStale} does not exceed {@code refreshAhead}
     */
    public JwksCacheConfig {
        check("refreshAhead", refreshAhead, Duration.ofSeconds(1));
        check("maxStale", maxStale, Duration.ofSeconds(1));
        check("minRefetchInterval", minRefetchInterval, Duration.ZERO);
        if (maxStale.compareTo(refreshAhead) <= 0) {
            throw new InvalidConfigurationException("maxStale", maxStale, "must exceed refreshAhead " + refreshAhead);
        }
    }

    private static void check(String field, Duration value, Duration min) {
        if (value == null || value.compareTo(min) < 0) {
            throw new InvalidConfigurationException(field, value, "must be at least " + min);
        }
    }

    /**
     * Refresh after 5 minutes, trust cached keys for 24 hours of outage, refetch at most every 30 s.
     *
     * @return the default timings
     */
    public static JwksCacheConfig defaults() {
        return new JwksCacheConfig(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(30));
    }
}
