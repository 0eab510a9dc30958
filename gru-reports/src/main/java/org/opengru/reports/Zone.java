package org.opengru.reports;

import java.util.Objects;
import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;

/**
 * A zone of the commune (quartier, secteur): what routes a report and what the open data is counted by.
 *
 * @param id a lower-case slug
 * @param name the zone's name, 1 to 200 characters
 * @param area its territory
 */
public record Zone(String id, String name, Area area) {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Checks the id, the name and the area.
     *
     * @param id a lower-case slug
     * @param name the zone's name, 1 to 200 characters
     * @param area its territory
     * @throws org.opengru.core.error.ValidationException naming {@code zone.id} or {@code zone.name} and the value
     */
    public Zone {
        if (id == null || !CODE.matcher(id).matches()) {
            throw new ValidationException("zone.id", id, "must match " + CODE.pattern());
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new ValidationException("zone.name", name, "must be 1 to 200 characters");
        }
        Objects.requireNonNull(area, "area");
    }
}
