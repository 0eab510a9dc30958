package org.opengru.core.inbound;

import org.opengru.core.error.GruException;

/**
 * The request's thread refused a reply for what it contains (too many attachments, a file name it does
 * not accept, a request that no longer takes messages...): the reply is quarantined with the thread's
 * own reason as the cause, never retried.
 */
public class ReplyRefusedException extends InboundMailException {

    /**
     * A reply the thread refused.
     *
     * @param cause the thread's refusal
     */
    public ReplyRefusedException(GruException cause) {
        super("the request's thread refused the reply: " + cause.getMessage(), cause);
    }
}
