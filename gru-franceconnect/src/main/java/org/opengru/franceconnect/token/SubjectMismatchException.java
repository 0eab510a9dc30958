package org.opengru.franceconnect.token;

/** The userinfo {@code sub} differs from the ID token's: userinfo of another person. */
public final class SubjectMismatchException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public SubjectMismatchException(String message) {
        super(message);
    }

    public SubjectMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
