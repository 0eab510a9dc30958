package org.opengru.core.notification;

import org.opengru.core.usager.NotificationChannel;

/**
 * Port: sends a notification on one channel (e-mail over SMTP, SMS gateway, in-app inbox, letter
 * printing). It reports failures as a {@link SendResult.Failed}; a thrown exception counts as a
 * transient failure. Called at least once per attempt: a crash right after sending may send again.
 */
public interface ChannelSender {

    /**
     * The channel this sender serves.
     *
     * @return the channel
     */
    NotificationChannel channel();

    /**
     * Sends one attempt.
     *
     * @param notification the notification, rendered and addressed
     * @return sent (maybe delivered) or failed (transient or permanent)
     */
    SendResult send(Notification notification);
}
