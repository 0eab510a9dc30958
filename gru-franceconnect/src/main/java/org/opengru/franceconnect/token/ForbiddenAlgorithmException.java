package org.opengru.franceconnect.token;

/** The token is unsigned ({@code alg: none}) or signed with another algorithm than the pinned one (HS256 with the public key as secret, RS/ES confusion). */
public final class ForbiddenAlgorithmException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public ForbiddenAlgorithmException(String message) {
        super(message);
    }

    public ForbiddenAlgorithmException(String message, Throwable cause) {
        super(message, cause);
    }
}
