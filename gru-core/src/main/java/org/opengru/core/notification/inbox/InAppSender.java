package org.opengru.core.notification.inbox;

import java.util.Objects;
import org.opengru.core.notification.ChannelSender;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.SendResult;
import org.opengru.core.usager.NotificationChannel;

/**
 * The in-app channel: files the notification in the usager's inbox. Always available, so it ends every
 * delivery chain; idempotent on the notification id.
 */
public final class InAppSender implements ChannelSender {

    private final InboxStore inbox;

    /**
     * A sender filing into that inbox.
     *
     * @param inbox the inbox store
     */
    public InAppSender(InboxStore inbox) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.PORTAL;
    }

    @Override
    public SendResult send(Notification n) {
        boolean added = inbox.add(new InboxItem(
                n.id().value(),
                n.tenant(),
                n.usager(),
                n.kind(),
                n.request(),
                n.message().subject(),
                n.message().text(),
                n.createdAt(),
                null));
        return SendResult.delivered(n.id().toString(), added ? "filed in the inbox" : "already in the inbox");
    }
}
