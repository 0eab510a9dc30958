package org.opengru.core.error;

/**
 * An idempotency key was reused for a different command. A retry must resend the same command with the
 * same key; a new command needs a new key.
 */
public class IdempotencyConflictException extends GruException {

    private final String key;

    public IdempotencyConflictException(String key, String firstCommand, String thisCommand) {
        super("idempotency key '" + key + "' was first used for " + firstCommand + ", not for " + thisCommand);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
