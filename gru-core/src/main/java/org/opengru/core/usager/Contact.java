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
 */
public record Contact(
        @Nullable Attested<EmailAddress> email,
        @Nullable Attested<PhoneNumber> phone,
        @Nullable Attested<PostalAddress> address,
        Set<NotificationChannel> notificationChannels,
        @Nullable Instant electronicNotificationConsentAt) {

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

    /** No contact details; notifications in the portal only. */
    public static Contact none() {
        return new Contact(null, null, null, Set.of(NotificationChannel.PORTAL), null);
    }
}
