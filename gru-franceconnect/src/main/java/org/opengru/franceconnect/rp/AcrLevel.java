package org.opengru.franceconnect.rp;

import java.util.Locale;
import java.util.Optional;

/** eIDAS assurance levels (niveaux de garantie eIDAS), ordered: eidas3 ≥ eidas2 ≥ eidas1. */
public enum AcrLevel {
    /** eIDAS low ({@code eidas1}): FranceConnect's level. */
    EIDAS1,
    /** eIDAS substantial ({@code eidas2}): FranceConnect+. */
    EIDAS2,
    /** eIDAS high ({@code eidas3}). */
    EIDAS3;

    /**
     * The value used in {@code acr_values} and the {@code acr} claim.
     *
     * @return {@code eidas1}, {@code eidas2} or {@code eidas3}
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether this level satisfies {@code required}.
     *
     * @param required the level the démarche requires
     * @return {@code true} when this level is the same or higher
     */
    public boolean atLeast(AcrLevel required) {
        return compareTo(required) >= 0;
    }

    /**
     * The level named by an {@code acr} claim, empty for unknown values.
     *
     * @param value the claim's value
     * @return the level, or empty
     */
    public static Optional<AcrLevel> parse(String value) {
        for (AcrLevel level : values()) {
            if (level.value().equals(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
