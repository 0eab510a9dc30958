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
     *
     * @param tenant the collectivité
     * @param to the address to verify
     * @param report the report the address follows
     * @param token the secret of the confirmation link
     * @param expiresAt when the link stops working
     */
    void sendVerification(TenantId tenant, EmailAddress to, ReportId report, String token, Instant expiresAt);

    /**
     * A change of status of a report the address follows.
     *
     * @param tenant the collectivité
     * @param to the address
     * @param notice the change
     */
    void sendStatus(TenantId tenant, EmailAddress to, ReportNotice notice);
}
