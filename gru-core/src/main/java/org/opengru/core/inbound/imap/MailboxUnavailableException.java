package org.opengru.core.inbound.imap;

import org.opengru.core.error.GruException;

/** The mailbox could not be reached or opened; nothing was changed in it. Retry at the next poll. */
public class MailboxUnavailableException extends GruException {

    /**
     * The mailbox could not be reached.
     *
     * @param mailbox the mailbox, as {@code user@host}
     * @param cause the connection's failure
     */
    public MailboxUnavailableException(String mailbox, Throwable cause) {
        super("mailbox " + mailbox + " unavailable: " + cause.getMessage(), cause);
    }
}
