package org.opengru.core.intake;

import org.jspecify.annotations.Nullable;
import org.opengru.core.id.AgentId;
import org.opengru.core.internal.Checks;

/**
 * How a request came in: its channel and, when an agent keyed it in on a resident's behalf (phone,
 * counter, mail), which agent. Recorded on the request for good.
 *
 * @param channel the channel the request came through
 * @param keyedBy the agent who keyed it in, or {@code null} when the resident filed it
 */
public record Intake(Channel channel, @Nullable AgentId keyedBy) {

    /**
     * Checks the channel; the system channel has no agent.
     *
     * @param channel the channel the request came through
     * @param keyedBy the agent who keyed it in, or {@code null} when the resident filed it
     * @throws org.opengru.core.error.ValidationException naming {@code intake.channel} or {@code intake.keyedBy}
     */
    public Intake {
        Checks.required("intake.channel", channel);
        if (channel == Channel.SYSTEM && keyedBy != null) {
            throw new org.opengru.core.error.ValidationException(
                    "intake.keyedBy", keyedBy, "the system channel has no agent");
        }
    }

    /**
     * Filed by the resident themselves through that channel.
     *
     * @param channel the channel
     * @return the intake, without agent
     */
    public static Intake selfService(Channel channel) {
        return new Intake(channel, null);
    }

    /**
     * Keyed in by an agent on the resident's behalf.
     *
     * @param channel the channel (phone, counter, post...)
     * @param agent the agent who keyed it in
     * @return the intake
     */
    public static Intake keyedBy(Channel channel, AgentId agent) {
        return new Intake(channel, Checks.required("intake.keyedBy", agent));
    }

    /**
     * Whether an agent keyed the request in.
     *
     * @return {@code true} when {@link #keyedBy()} is set
     */
    public boolean keyedByAgent() {
        return keyedBy != null;
    }
}
