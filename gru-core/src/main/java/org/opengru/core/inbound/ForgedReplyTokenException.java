package org.opengru.core.inbound;

/** A reply token whose signature does not verify for this tenant: forged, altered or from another commune. */
public class ForgedReplyTokenException extends InboundMailException {

    private final String token;

    /**
     * A token refused.
     *
     * @param token the token as found in the mail
     * @param reason why it does not verify
     */
    public ForgedReplyTokenException(String token, String reason) {
        super("reply token " + token + " refused: " + reason, null);
        this.token = token;
    }

    /**
     * The token as found in the mail.
     *
     * @return the token
     */
    public String token() {
        return token;
    }
}
