package org.opengru.franceconnect.token;

/** The userinfo {@code sub} differs from the ID token's: userinfo of another person. */
public final class SubjectMismatchException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public SubjectMismatchException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public SubjectMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
