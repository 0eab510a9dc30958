package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * Identifies an agent of a collectivité, as the collectivité's directory (SSO, LDAP) names them.
 *
 * @param value the directory's identifier, such as {@code mdupont}
 */
public record AgentId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    /**
     * Checks the identifier's characters and length.
     *
     * @param value the directory's identifier, such as {@code mdupont}
     * @throws org.opengru.core.error.ValidationException naming {@code agentId} and the value
     */
    public AgentId {
        Checks.matches("agentId", value, FORMAT, "1-128 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'");
    }

    /**
     * Wraps an agent's identifier as the directory gives it.
     *
     * @param value 1 to 128 characters of letters, digits, {@code .}, {@code _}, {@code @} or {@code -}
     * @return the agent's id
     * @throws org.opengru.core.error.ValidationException naming {@code agentId} and the value
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
