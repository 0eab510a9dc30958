package org.opengru.core.exchange;

import java.time.Instant;
import org.opengru.core.id.MessageId;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;

/** Proof that someone read a message (accusé de lecture): the first reading only. */
public record ReadReceipt(MessageId messageId, ActorRef reader, Instant readAt) {

    public ReadReceipt {
        Checks.required("receipt.messageId", messageId);
        Checks.required("receipt.reader", reader);
        Checks.required("receipt.readAt", readAt);
    }
}
