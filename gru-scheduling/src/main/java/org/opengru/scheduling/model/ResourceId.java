package org.opengru.scheduling.model;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/** Identifies a resource within a collectivité: a short slug such as {@code mairie-centre}. */
public record ResourceId(String value) implements Comparable<ResourceId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public ResourceId {
        Check.matches(
                "resourceId", value, FORMAT, "1-63 characters of a-z, 0-9, '.', '_' or '-', starting alphanumeric");
    }

    public static ResourceId of(String value) {
        return new ResourceId(value);
    }

    @Override
    public int compareTo(ResourceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
