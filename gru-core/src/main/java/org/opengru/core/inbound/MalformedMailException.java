package org.opengru.core.inbound;

import org.jspecify.annotations.Nullable;

/** A mail that cannot be read as MIME (broken structure, undecodable part, impossible header). */
public class MalformedMailException extends InboundMailException {

    /**
     * A mail that cannot be read.
     *
     * @param reason what is broken
     * @param cause the parser's failure, or {@code null}
     */
    public MalformedMailException(String reason, @Nullable Throwable cause) {
        super("malformed message: " + reason, cause);
    }
}
