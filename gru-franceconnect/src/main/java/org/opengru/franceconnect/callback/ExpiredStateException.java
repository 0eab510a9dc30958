package org.opengru.franceconnect.callback;

/** The {@code state} was ours but the login took longer than the configured login timeout. */
public final class ExpiredStateException extends CallbackException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses a late callback.
     *
     * @param message which login expired, without its state
     */
    public ExpiredStateException(String message) {
        super(message, null);
    }
}
