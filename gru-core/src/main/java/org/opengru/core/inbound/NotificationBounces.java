package org.opengru.core.inbound;

import java.util.Optional;
import org.opengru.core.notification.Notification;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: where bounces of the commune's notification e-mails go. {@code NotificationService::recordBounce}
 * implements it: the e-mail delivery is marked failed and the notification moves to its next channel.
 */
@FunctionalInterface
public interface NotificationBounces {

    /**
     * Records that the e-mail with this Message-ID could not be delivered.
     *
     * @return the notification as updated; empty when the tenant sent no e-mail with that Message-ID
     * @param tenant the collectivité
     * @param messageId the Message-ID of the e-mail reported on
     * @param detail the report's summary
     */
    Optional<Notification> bounced(TenantId tenant, String messageId, String detail);

    /**
     * No notifications: every delivery report is kept as an automatic contact only.
     *
     * @return a sink that records nothing
     */
    static NotificationBounces none() {
        return (tenant, messageId, detail) -> Optional.empty();
    }
}
