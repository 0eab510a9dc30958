package org.opengru.core.inbound;

/**
 * A mail that cannot be trusted to come from whom it claims: malformed sender, failed SPF/DKIM/DMARC, a
 * valid token sent by someone other than the request's applicant.
 */
public class SuspiciousMailException extends InboundMailException {

    /**
     * A mail refused as untrustworthy.
     *
     * @param reason what failed
     */
    public SuspiciousMailException(String reason) {
        super(reason, null);
    }
}
