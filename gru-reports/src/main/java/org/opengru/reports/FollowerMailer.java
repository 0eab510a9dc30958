package org.opengru.reports;

import java.time.Instant;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;

/**
 * Port: the e-mails to a reporter without an account, who is not an usager that gru-core's notifications
 * can address. The host sends them with its mail transport (the starter's, in a Spring application).
 */
public interface FollowerMailer {

    /**
     * The link that verifies the address: the portal's confirmation URL with {@code token}. The token is
     * a secret: it is in this e-mail only, never stored nor logged.
     */
    void sendVerification(TenantId tenant, EmailAddress to, ReportId report, String token, Instant expiresAt);

    /** A change of status of a report the address follows. */
    void sendStatus(TenantId tenant, EmailAddress to, ReportNotice notice);
}
