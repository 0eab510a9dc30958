package org.opengru.core.notification.sms;

import java.util.Objects;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;
import org.opengru.core.notification.ChannelSender;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.SendResult;
import org.opengru.core.usager.NotificationChannel;

/**
 * The SMS channel: sends the notification's short text through an {@link SmsGateway}. A text longer than
 * {@code maxSegments} is refused for good (the notification falls back to the next channel) rather than
 * sent at several times the price.
 */
public final class SmsSender implements ChannelSender {

    private final SmsGateway gateway;
    private final String senderId;
    private final int maxSegments;

    /**
     * An SMS channel through that gateway.
     *
     * @param gateway the provider
     * @param senderId the sender shown, such as {@code MAIRIE}
     * @param maxSegments the most segments a text may take
     */
    public SmsSender(SmsGateway gateway, String senderId, int maxSegments) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.senderId = senderId;
        Checks.check(maxSegments >= 1 && maxSegments <= 10, "sms.maxSegments", maxSegments, "must be 1 to 10");
        this.maxSegments = maxSegments;
        new SmsMessage(org.opengru.core.value.PhoneNumber.parse("+33600000000"), senderId, "x", "check");
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public SendResult send(Notification n) {
        if (n.phone() == null) {
            return SendResult.permanent("no phone number");
        }
        String text = n.message().sms();
        SmsSegments segments = SmsSegments.of(text);
        if (segments.count() > maxSegments) {
            return SendResult.permanent("SMS of " + segments.count() + " " + segments.encoding()
                    + " segments exceeds the limit of " + maxSegments);
        }
        SmsMessage message;
        try {
            message = new SmsMessage(n.phone(), senderId, text, n.id().toString());
        } catch (ValidationException e) {
            return SendResult.permanent(e.getMessage());
        }
        try {
            String id = gateway.send(message);
            return SendResult.sent(id, segments.count() + " segment(s), " + segments.encoding());
        } catch (SmsGatewayException e) {
            return e.permanent() ? SendResult.permanent(e.getMessage()) : SendResult.retry(e.getMessage());
        }
    }
}
