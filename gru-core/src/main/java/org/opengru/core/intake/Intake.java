package org.opengru.core.intake;

import org.jspecify.annotations.Nullable;
import org.opengru.core.id.AgentId;
import org.opengru.core.internal.Checks;

/**
 * How a request came in: its channel and, when an agent keyed it in on a resident's behalf (phone,
 * counter, mail), which agent. Recorded on the request for good.
 */
public record Intake(Channel channel, @Nullable AgentId keyedBy) {

    public Intake {
        Checks.required("intake.channel", channel);
        if (channel == Channel.SYSTEM && keyedBy != null) {
            throw new org.opengru.core.error.ValidationException(
                    "intake.keyedBy", keyedBy, "the system channel has no agent");
        }
    }

    /** Filed by the resident themselves through that channel. */
    public static Intake selfService(Channel channel) {
        return new Intake(channel, null);
    }

    /** Keyed in by an agent on the resident's behalf. */
    public static Intake keyedBy(Channel channel, AgentId agent) {
        return new Intake(channel, Checks.required("intake.keyedBy", agent));
    }

    public boolean keyedByAgent() {
        return keyedBy != null;
    }
}
