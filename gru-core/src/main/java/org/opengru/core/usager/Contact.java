package org.opengru.core.usager;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/**
 * How to reach an usager: e-mail, phone and postal address (each with its provenance), the preferred
 * notification channels, and when they consented to electronic notifications ({@code null}: no consent,
 * only the portal and postal mail may be used).
 *
 * @param email the e-mail address, or {@code null}
 * @param phone the phone number, or {@code null}
 * @param address the postal address, or {@code null}
 * @param notificationChannels the channels the usager chose
 * @param electronicNotificationConsentAt when they agreed to electronic notifications, or {@code null}
 */
public record Contact(
        @Nullable Attested<EmailAddress> email,
        @Nullable Attested<PhoneNumber> phone,
        @Nullable Attested<PostalAddress> address,
        Set<NotificationChannel> notificationChannels,
        @Nullable Instant electronicNotificationConsentAt) {

    /**
     * Checks that each chosen channel has its address, and that e-mail and SMS have the usager's consent.
     *
     * @param email the e-mail address, or {@code null}
     * @param phone the phone number, or {@code null}
     * @param address the postal address, or {@code null}
     * @param notificationChannels the channels the usager chose
     * @param electronicNotificationConsentAt when they agreed to electronic notifications, or {@code null}
     * @throws org.opengru.core.error.ValidationException naming {@code notificationChannels} and the channel that
     *     cannot be used
     */
    public Contact {
        notificationChannels = Set.copyOf(Checks.required("notificationChannels", notificationChannels));
        if (electronicNotificationConsentAt == null) {
            for (NotificationChannel c : notificationChannels) {
                Checks.check(
                        c == NotificationChannel.PORTAL || c == NotificationChannel.POSTAL_MAIL,
                        "notificationChannels",
                        c,
                        "needs the usager's consent to electronic notifications");
            }
        }
        Checks.check(
                !notificationChannels.contains(NotificationChannel.EMAIL) || email != null,
                "notificationChannels",
                "EMAIL",
                "needs an e-mail address");
        Checks.check(
                !notificationChannels.contains(NotificationChannel.SMS) || phone != null,
                "notificationChannels",
                "SMS",
                "needs a phone number");
        Checks.check(
                !notificationChannels.contains(NotificationChannel.POSTAL_MAIL) || address != null,
                "notificationChannels",
                "POSTAL_MAIL",
                "needs a postal address");
    }

    /**
     * No contact details; notifications in the portal only.
     *
     * @return a contact without address, channel or consent
     */
    public static Contact none() {
        return new Contact(null, null, null, Set.of(NotificationChannel.PORTAL), null);
    }
}
