package org.opengru.scheduling.model;

import java.util.regex.Pattern;
import org.opengru.scheduling.internal.Check;

/** Identifies a service within a collectivité: a short slug such as {@code mairie-centre}. */
public record ServiceId(String value) implements Comparable<ServiceId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public ServiceId {
        Check.matches(
                "serviceId", value, FORMAT, "1-63 characters of a-z, 0-9, '.', '_' or '-', starting alphanumeric");
    }

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
