package org.opengru.core.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/** Identifies an agent of a collectivité, as the collectivité's directory (SSO, LDAP) names them. */
public record AgentId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    public AgentId {
        Checks.matches("agentId", value, FORMAT, "1-128 characters of A-Z, a-z, 0-9, '.', '_', '@' or '-'");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
