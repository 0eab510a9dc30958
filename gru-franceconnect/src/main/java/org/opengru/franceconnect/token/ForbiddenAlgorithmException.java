package org.opengru.franceconnect.token;

/** The token is unsigned ({@code alg: none}) or signed with another algorithm than the pinned one (HS256 with the public key as secret, RS/ES confusion). */
public final class ForbiddenAlgorithmException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public ForbiddenAlgorithmException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public ForbiddenAlgorithmException(String message, Throwable cause) {
        super(message, cause);
    }
}
