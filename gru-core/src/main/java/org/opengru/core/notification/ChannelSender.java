package org.opengru.core.notification;

import org.opengru.core.usager.NotificationChannel;

/**
 * Port: sends a notification on one channel (e-mail over SMTP, SMS gateway, in-app inbox, letter
 * printing). It reports failures as a {@link SendResult.Failed}; a thrown exception counts as a
 * transient failure. Called at least once per attempt: a crash right after sending may send again.
 */
public interface ChannelSender {

    NotificationChannel channel();

    SendResult send(Notification notification);
}
