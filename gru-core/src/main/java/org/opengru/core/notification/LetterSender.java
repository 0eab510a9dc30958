package org.opengru.core.notification;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.usager.NotificationChannel;

/**
 * The postal channel: queues the notification's full text (and enclosures, such as the accusé de
 * réception) as a letter for the print service, addressed from the usager's preferences. A usager with
 * no postal address is a permanent failure on this channel (the chain moves on).
 */
public final class LetterSender implements ChannelSender {

    private final NotificationPreferenceStore preferences;
    private final LetterQueue queue;
    private final Clock clock;

    /**
     * A sender queueing letters.
     *
     * @param preferences where the usager's postal address is
     * @param queue the print service's queue
     * @param clock the installation's clock
     */
    public LetterSender(NotificationPreferenceStore preferences, LetterQueue queue, Clock clock) {
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.POSTAL_MAIL;
    }

    @Override
    public SendResult send(Notification n) {
        Optional<NotificationPreferences> p = preferences.find(n.tenant(), n.usager());
        if (p.isEmpty() || p.get().postalAddress() == null) {
            return SendResult.permanent("no postal address");
        }
        boolean added = queue.add(new PostalLetter(
                n.id(),
                n.tenant(),
                n.usager(),
                p.get().postalAddress(),
                n.message().subject(),
                n.message().text(),
                n.attachments(),
                clock.instant(),
                null));
        return SendResult.sent("letter:" + n.id(), added ? "queued for printing" : "already queued");
    }
}
