package org.opengru.core.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * The collectivité that owns an aggregate (commune, intercommunalité or syndicat mutualisé). Every stored
 * object carries one and no query crosses it. A short lower-case slug such as {@code commune-75056} or
 * {@code sivom-vallee}: stable, safe in URLs, SQL and file names.
 */
public record TenantId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public TenantId {
        Checks.matches(
                "tenantId", value, FORMAT, "1-63 characters of a-z, 0-9, '.', '_' or '-', starting alphanumeric");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
