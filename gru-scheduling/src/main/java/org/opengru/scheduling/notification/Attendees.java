package org.opengru.scheduling.notification;

import java.util.Objects;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;

/**
 * Port: who the resident is in an invitation (their name and the address the notification goes to).
 * Empty when unknown: the notice then carries a plain calendar file instead of an invitation.
 */
@FunctionalInterface
public interface Attendees {

    /**
     * The resident an invitation names.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the attendee, or empty
     */
    Optional<Attendee> find(TenantId tenant, UsagerId usager);

    /**
     * A resident as an invitation names them.
     *
     * @param name how they are greeted and shown (CN)
     * @param email the address the invitation goes to, null when they have none
     */
    record Attendee(
            String name, @org.jspecify.annotations.Nullable EmailAddress email) {
        /**
         * Checks the attendee.
         *
         * @param name how they are greeted and shown (CN)
         * @param email the address the invitation goes to, null when they have none
         * @throws NullPointerException when the name is missing
         */
        public Attendee {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Nobody is known: notices without a name, plain calendar files.
     *
     * @return the attendees
     */
    static Attendees none() {
        return (tenant, usager) -> Optional.empty();
    }

    /**
     * From gru-core: the usager's display name, and the e-mail address of their notification preferences,
     * else of their contact details (the same address the notification service writes to).
     *
     * @param usagers gru-core's usagers
     * @param preferences gru-core's notification preferences
     * @return the attendees
     */
    static Attendees of(UsagerStore usagers, NotificationPreferenceStore preferences) {
        Objects.requireNonNull(usagers, "usagers");
        Objects.requireNonNull(preferences, "preferences");
        return (tenant, id) -> {
            Optional<Usager> usager = usagers.find(tenant, id);
            if (usager.isEmpty()) {
                return Optional.empty();
            }
            // Stored preferences decide alone, as they do for the notification service.
            Optional<NotificationPreferences> stored = preferences.find(tenant, id);
            Attested<EmailAddress> contact = usager.get().contact().email();
            EmailAddress email = stored.isPresent() ? stored.get().email() : contact == null ? null : contact.value();
            return Optional.of(new Attendee(usager.get().displayName(), email));
        };
    }
}
