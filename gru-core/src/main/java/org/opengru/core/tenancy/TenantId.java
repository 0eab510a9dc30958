package org.opengru.core.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * The collectivité that owns an aggregate (commune, intercommunalité or syndicat mutualisé). Every stored
 * object carries one and no query crosses it. A short lower-case slug such as {@code commune-75056} or
 * {@code sivom-vallee}: stable, safe in URLs, SQL and file names.
 *
 * @param value the slug
 */
public record TenantId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /**
     * Checks the slug's characters and length.
     *
     * @param value the slug
     * @throws org.opengru.core.error.ValidationException naming {@code tenantId} and the value
     */
    public TenantId {
        Checks.matches(
                "tenantId", value, FORMAT, "1-63 characters of a-z, 0-9, '.', '_' or '-', starting alphanumeric");
    }

    /**
     * Wraps a collectivité's slug.
     *
     * @param value 1 to 63 characters of a-z, 0-9, {@code .}, {@code _} or {@code -}, starting alphanumeric
     * @return the id
     * @throws org.opengru.core.error.ValidationException naming {@code tenantId} and the value
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
