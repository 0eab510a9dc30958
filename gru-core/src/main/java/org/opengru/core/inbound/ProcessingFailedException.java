package org.opengru.core.inbound;

/**
 * A mail whose processing failed for a technical reason (database, vault) as many times as the mailbox
 * allows: it is quarantined rather than retried forever, so that it cannot hold the mailbox up. The mail
 * itself may be perfectly valid; an agent can hand it back once the cause is fixed.
 */
public class ProcessingFailedException extends InboundMailException {

    private final int attempts;

    /**
     * A mail given up after {@code attempts} technical failures.
     *
     * @param attempts how many times it was tried
     * @param lastError the last failure's message
     */
    public ProcessingFailedException(int attempts, String lastError) {
        super("processing failed " + attempts + " times for a technical reason; last error: " + lastError, null);
        this.attempts = attempts;
    }

    /**
     * How many times the mail was tried.
     *
     * @return the attempts
     */
    public int attempts() {
        return attempts;
    }
}
