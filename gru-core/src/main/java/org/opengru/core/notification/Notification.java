package org.opengru.core.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;

/**
 * One notification to one usager, rendered and addressed when it was queued, with its delivery state:
 * the chain of channels to try, the channel being tried, and every attempt so far.
 *
 * @param sourceEventId the domain event behind it: with the usager and the kind, the de-duplication key
 * @param occurredAt when the event happened
 * @param chain the channels to try, in order (see {@link NotificationPreferences#deliveryChain()})
 * @param channelIndex the channel of {@link #chain} being tried
 * @param attemptsOnChannel failed attempts on that channel so far
 * @param nextAttemptAt when the next attempt is due (while {@link NotificationStatus#QUEUED})
 * @param id the notification's id
 * @param tenant the collectivité
 * @param usager who is told
 * @param kind what happened
 * @param request the request it is about, or {@code null}
 * @param appointmentId the appointment it is about, or {@code null}
 * @param appointmentStatus the appointment's status when the event happened, or {@code null}
 * @param appointmentStartsAt the appointment's start when the event happened, or {@code null}
 * @param message the rendered texts
 * @param attachments the files sent with it
 * @param email the e-mail address, or {@code null}
 * @param phone the phone number for SMS, or {@code null}
 * @param smsQuietHours when no SMS may be sent, or {@code null}
 * @param status where it stands over all its channels
 * @param createdAt when it was stored
 * @param attempts every attempt so far
 */
public record Notification(
        NotificationId id,
        TenantId tenant,
        UsagerId usager,
        EventId sourceEventId,
        NotificationKind kind,
        Instant occurredAt,
        @Nullable RequestId request,
        @Nullable String appointmentId,
        @Nullable AppointmentStatus appointmentStatus,
        @Nullable Instant appointmentStartsAt,
        RenderedMessage message,
        List<Attachment> attachments,
        @Nullable EmailAddress email,
        @Nullable PhoneNumber phone,
        @Nullable QuietHours smsQuietHours,
        List<NotificationChannel> chain,
        int channelIndex,
        int attemptsOnChannel,
        NotificationStatus status,
        Instant createdAt,
        Instant nextAttemptAt,
        List<DeliveryAttempt> attempts) {

    /**
     * Checks every part and copies the lists.
     *
     * @param id the notification's id
     * @param tenant the collectivité
     * @param usager who is told
     * @param sourceEventId the domain event behind it: with the usager and the kind, the de-duplication key
     * @param kind what happened
     * @param occurredAt when the event happened
     * @param request the request it is about, or {@code null}
     * @param appointmentId the appointment it is about, or {@code null}
     * @param appointmentStatus the appointment's status when the event happened, or {@code null}
     * @param appointmentStartsAt the appointment's start when the event happened, or {@code null}
     * @param message the rendered texts
     * @param attachments the files sent with it
     * @param email the e-mail address, or {@code null}
     * @param phone the phone number for SMS, or {@code null}
     * @param smsQuietHours when no SMS may be sent, or {@code null}
     * @param chain the channels to try, in order (see {@link NotificationPreferences#deliveryChain()})
     * @param channelIndex the channel of {@link #chain} being tried
     * @param attemptsOnChannel failed attempts on that channel so far
     * @param status where it stands over all its channels
     * @param createdAt when it was stored
     * @param nextAttemptAt when the next attempt is due (while {@link NotificationStatus#QUEUED})
     * @param attempts every attempt so far
     * @throws org.opengru.core.error.ValidationException naming the bad part
     */
    public Notification {
        Checks.required("notification.id", id);
        Checks.required("notification.tenant", tenant);
        Checks.required("notification.usager", usager);
        Checks.required("notification.sourceEventId", sourceEventId);
        Checks.required("notification.kind", kind);
        occurredAt = Checks.required("notification.occurredAt", occurredAt).truncatedTo(ChronoUnit.MICROS);
        appointmentStartsAt = appointmentStartsAt == null ? null : appointmentStartsAt.truncatedTo(ChronoUnit.MICROS);
        Checks.required("notification.message", message);
        attachments = List.copyOf(attachments);
        chain = List.copyOf(chain);
        Checks.check(!chain.isEmpty(), "notification.chain", chain, "must name at least one channel");
        Checks.check(
                channelIndex >= 0 && channelIndex <= chain.size(),
                "notification.channelIndex",
                channelIndex,
                "out of chain");
        Checks.required("notification.status", status);
        createdAt = Checks.required("notification.createdAt", createdAt).truncatedTo(ChronoUnit.MICROS);
        nextAttemptAt =
                Checks.required("notification.nextAttemptAt", nextAttemptAt).truncatedTo(ChronoUnit.MICROS);
        attempts = List.copyOf(attempts);
    }

    /**
     * The channel being tried, or {@code null} when the chain is exhausted.
     *
     * @return the channel
     */
    public @Nullable NotificationChannel currentChannel() {
        return channelIndex < chain.size() ? chain.get(channelIndex) : null;
    }

    /**
     * The channel the last successful attempt used, if any.
     *
     * @return the channel
     */
    public @Nullable NotificationChannel deliveredOn() {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            DeliveryAttempt a = attempts.get(i);
            if (a.outcome() == DeliveryAttempt.Outcome.SENT || a.outcome() == DeliveryAttempt.Outcome.DELIVERED) {
                return a.channel();
            }
        }
        return null;
    }

    /**
     * This notification with one more attempt recorded and its state moved.
     *
     * @param attempt the attempt
     * @param newStatus the status after it
     * @param newIndex the channel of the chain tried next
     * @param newAttempts failed attempts on that channel
     * @param nextAt when the next attempt is due
     * @return the notification updated
     */
    public Notification next(
            DeliveryAttempt attempt, NotificationStatus newStatus, int newIndex, int newAttempts, Instant nextAt) {
        List<DeliveryAttempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        return new Notification(
                id,
                tenant,
                usager,
                sourceEventId,
                kind,
                occurredAt,
                request,
                appointmentId,
                appointmentStatus,
                appointmentStartsAt,
                message,
                attachments,
                email,
                phone,
                smsQuietHours,
                chain,
                newIndex,
                newAttempts,
                newStatus,
                createdAt,
                nextAt,
                all);
    }
}
