package org.opengru.franceconnect.callback;

/** The {@code state} is missing, forged, or already used (a replayed callback, or login CSRF). */
public final class InvalidStateException extends CallbackException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the callback's state.
     *
     * @param message why, without the state itself
     */
    public InvalidStateException(String message) {
        super(message, null);
    }
}
