package org.opengru.core.inbound;

/** A reply token whose signature does not verify for this tenant: forged, altered or from another commune. */
public class ForgedReplyTokenException extends InboundMailException {

    private final String token;

    public ForgedReplyTokenException(String token, String reason) {
        super("reply token " + token + " refused: " + reason, null);
        this.token = token;
    }

    public String token() {
        return token;
    }
}
