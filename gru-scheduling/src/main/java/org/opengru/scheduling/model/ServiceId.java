package org.opengru.scheduling.model;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/**
 * Identifies a service within a collectivité: a short slug such as {@code mairie-centre}.
 *
 * @param value the code
 */
public record ServiceId(String value) implements Comparable<ServiceId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /**
     * Checks the id.
     *
     * @param value the code
     * @throws org.opengru.core.error.ValidationException when it is not 1-63 characters of a-z, 0-9, '.', '_' or '-'
     */
    public ServiceId {
        Check.matches(
                "serviceId", value, FORMAT, "1-63 characters of a-z, 0-9, '.', '_' or '-', starting alphanumeric");
    }

    /**
     * The id of a service.
     *
     * @param value the code
     * @return the id
     */
    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    @Override
    public int compareTo(ServiceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
