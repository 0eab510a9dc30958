package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * Identifies a team (service instructeur) of a collectivité, such as {@code etat-civil}; démarches route to one.
 *
 * @param value the team's slug, such as {@code etat-civil}
 */
public record TeamId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    /**
     * Checks the identifier's characters and length.
     *
     * @param value the team's slug, such as {@code etat-civil}
     * @throws org.opengru.core.error.ValidationException naming {@code teamId} and the value
     */
    public TeamId {
        Checks.matches("teamId", value, FORMAT, "1-128 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'");
    }

    /**
     * Wraps a team's identifier.
     *
     * @param value 1 to 128 characters of letters, digits, {@code .}, {@code _}, {@code @} or {@code -}
     * @return the team's id
     * @throws org.opengru.core.error.ValidationException naming {@code teamId} and the value
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
