package org.opengru.core.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/**
 * How an usager wants to be told: channels in order of preference, the addresses they use, consent to
 * SMS (never sent without it), quiet hours for SMS and the wording they prefer. {@link
 * NotificationChannel#PORTAL} is the in-app inbox, always available; {@link
 * NotificationChannel#POSTAL_MAIL} is for those without digital access.
 *
 * @param channels preferred channels, most preferred first, without duplicates, at least one
 * @param smsConsentAt when the usager agreed to receive SMS; {@code null}: no SMS
 * @param smsQuietHours when no SMS may be sent; {@code null}: any time
 * @param tenant the collectivité
 * @param usager the usager
 * @param email the e-mail address, or {@code null}
 * @param phone the phone number, or {@code null}
 * @param postalAddress the postal address, or {@code null}
 * @param register the wording they prefer (standard or plain language)
 */
public record NotificationPreferences(
        TenantId tenant,
        UsagerId usager,
        List<NotificationChannel> channels,
        @Nullable EmailAddress email,
        @Nullable PhoneNumber phone,
        @Nullable PostalAddress postalAddress,
        @Nullable Instant smsConsentAt,
        @Nullable QuietHours smsQuietHours,
        LanguageRegister register) {

    /**
     * Checks the channels (no duplicates, each with its address, SMS with consent).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param channels preferred channels, most preferred first, without duplicates, at least one
     * @param email the e-mail address, or {@code null}
     * @param phone the phone number, or {@code null}
     * @param postalAddress the postal address, or {@code null}
     * @param smsConsentAt when the usager agreed to receive SMS; {@code null}: no SMS
     * @param smsQuietHours when no SMS may be sent; {@code null}: any time
     * @param register the wording they prefer (standard or plain language)
     * @throws org.opengru.core.error.ValidationException naming {@code preferences.<part>} and the value
     */
    public NotificationPreferences {
        Checks.required("preferences.tenant", tenant);
        Checks.required("preferences.usager", usager);
        Checks.required("preferences.register", register);
        Checks.required("preferences.channels", channels);
        Checks.check(!channels.isEmpty(), "preferences.channels", channels, "must name at least one channel");
        Checks.check(
                new LinkedHashSet<>(channels).size() == channels.size(),
                "preferences.channels",
                channels,
                "must not repeat a channel");
        channels = List.copyOf(channels);
        Checks.check(
                !channels.contains(NotificationChannel.EMAIL) || email != null,
                "preferences.channels",
                "EMAIL",
                "needs an e-mail address");
        Checks.check(
                !channels.contains(NotificationChannel.SMS) || phone != null,
                "preferences.channels",
                "SMS",
                "needs a phone number");
        Checks.check(
                !channels.contains(NotificationChannel.SMS) || smsConsentAt != null,
                "preferences.channels",
                "SMS",
                "needs the usager's consent to SMS (smsConsentAt)");
        Checks.check(
                !channels.contains(NotificationChannel.POSTAL_MAIL) || postalAddress != null,
                "preferences.channels",
                "POSTAL_MAIL",
                "needs a postal address");
    }

    /**
     * In-app inbox only: the default for an usager who gave no preference.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the preferences
     */
    public static NotificationPreferences inAppOnly(TenantId tenant, UsagerId usager) {
        return new NotificationPreferences(
                tenant,
                usager,
                List.of(NotificationChannel.PORTAL),
                null,
                null,
                null,
                null,
                null,
                LanguageRegister.STANDARD);
    }

    /**
     * The preferences from an usager's {@link Contact}: its channels (e-mail first, then SMS, the inbox,
     * the letter), its consent standing for SMS consent.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param contact their contact details
     * @param register the wording
     * @return the preferences
     */
    public static NotificationPreferences fromContact(
            TenantId tenant, UsagerId usager, Contact contact, LanguageRegister register) {
        List<NotificationChannel> ordered = new ArrayList<>();
        for (NotificationChannel c : NotificationChannel.values()) {
            if (contact.notificationChannels().contains(c)) {
                ordered.add(c);
            }
        }
        if (ordered.isEmpty()) {
            ordered.add(NotificationChannel.PORTAL);
        }
        return new NotificationPreferences(
                tenant,
                usager,
                ordered,
                contact.email() == null ? null : contact.email().value(),
                contact.phone() == null ? null : contact.phone().value(),
                contact.address() == null ? null : contact.address().value(),
                contact.notificationChannels().contains(NotificationChannel.SMS)
                        ? contact.electronicNotificationConsentAt()
                        : null,
                null,
                register);
    }

    /**
     * The channels to try in order: the preferred ones, then e-mail when an address is known (an SMS that
     * cannot be delivered falls back to e-mail), then the in-app inbox, which always works.
     *
     * @return the channels, without duplicates
     */
    public List<NotificationChannel> deliveryChain() {
        LinkedHashSet<NotificationChannel> chain = new LinkedHashSet<>(channels);
        if (email != null) {
            chain.add(NotificationChannel.EMAIL);
        }
        chain.add(NotificationChannel.PORTAL);
        return List.copyOf(chain);
    }

    /**
     * These preferences with other SMS quiet hours.
     *
     * @param quietHours the quiet hours, or {@code null} for none
     * @return the new preferences
     */
    public NotificationPreferences withQuietHours(@Nullable QuietHours quietHours) {
        return new NotificationPreferences(
                tenant, usager, channels, email, phone, postalAddress, smsConsentAt, quietHours, register);
    }
}
