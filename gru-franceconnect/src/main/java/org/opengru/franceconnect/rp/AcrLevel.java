package org.opengru.franceconnect.rp;

import java.util.Locale;
import java.util.Optional;

/** eIDAS assurance levels (niveaux de garantie eIDAS), ordered: eidas3 ≥ eidas2 ≥ eidas1. */
public enum AcrLevel {
    EIDAS1,
    EIDAS2,
    EIDAS3;

    /** The value used in {@code acr_values} and the {@code acr} claim. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this level satisfies {@code required}. */
    public boolean atLeast(AcrLevel required) {
        return compareTo(required) >= 0;
    }

    /** The level named by an {@code acr} claim, empty for unknown values. */
    public static Optional<AcrLevel> parse(String value) {
        for (AcrLevel level : values()) {
            if (level.value().equals(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
