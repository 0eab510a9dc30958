package org.opengru.scheduling.model;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/**
 * Identifies a resource within a collectivité: a short slug such as {@code mairie-centre}.
 *
 * @param value the code
 */
public record ResourceId(String value) implements Comparable<ResourceId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /**
     * Checks the id.
     *
     * @param value the code
     * @throws org.opengru.core.error.ValidationException when it is not 1-63 characters of a-z, 0-9, '.', '_' or '-'
     */
    public ResourceId {
        Check.matches(
                "resourceId", value, FORMAT, "1-63 characters of a-z, 0-9, '.', '_' or '-', starting alphanumeric");
    }

    /**
     * The id of a desk.
     *
     * @param value the code
     * @return the id
     */
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
