package org.opengru.scheduling.model;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/** Identifies a site within a collectivité: a short slug such as {@code mairie-centre}. */
public record SiteId(String value) implements Comparable<SiteId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public SiteId {
        Check.matches("siteId", value, FORMAT, "1-63 characters of a-z, 0-9, '.', '_' or '-', starting alphanumeric");
    }

    public static SiteId of(String value) {
        return new SiteId(value);
    }

    @Override
    public int compareTo(SiteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
