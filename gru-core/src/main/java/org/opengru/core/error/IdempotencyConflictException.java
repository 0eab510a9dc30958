package org.opengru.core.error;

/**
 * An idempotency key was reused for a different command. A retry must resend the same command with the
 * same key; a new command needs a new key. The message says only that: never what the first call was, for
 * whom or when.
 */
public class IdempotencyConflictException extends GruException {

    private final String key;

    /**
     * A key reused for another command.
     *
     * @param key the key as the caller sent it
     */
    public IdempotencyConflictException(String key) {
        super("the idempotency key was already used for another call");
        this.key = key;
    }

    /**
     * The key as the caller sent it (a store passes the scoped key it holds).
     *
     * @return the key
     */
    public String key() {
        return key;
    }
}
