package org.opengru.core.exchange;

import java.time.Instant;
import org.opengru.core.id.MessageId;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;

/**
 * Proof that someone read a message (accusé de lecture): the first reading only.
 *
 * @param messageId the message read
 * @param reader who read it (pseudonymous)
 * @param readAt when, the first time
 */
public record ReadReceipt(MessageId messageId, ActorRef reader, Instant readAt) {

    /**
     * Checks that every part is present.
     *
     * @param messageId the message read
     * @param reader who read it (pseudonymous)
     * @param readAt when, the first time
     * @throws org.opengru.core.error.ValidationException naming {@code receipt.<part>}
     */
    public ReadReceipt {
        Checks.required("receipt.messageId", messageId);
        Checks.required("receipt.reader", reader);
        Checks.required("receipt.readAt", readAt);
    }
}
