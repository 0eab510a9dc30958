package org.opengru.test.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.QuietHours;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/** The contract of the {@link NotificationPreferenceStore} port. */
public abstract class NotificationPreferenceStoreContract {

    protected abstract NotificationPreferenceStore newStore();

    @Test
    void savesReplacesAndFindsPerTenantAndUsager() {
        NotificationPreferenceStore store = newStore();
        TenantId t = TenantId.of("commune-prefs");
        UsagerId u = UsagerId.of(UUID.randomUUID());
        NotificationPreferences p = new NotificationPreferences(
                t,
                u,
                List.of(NotificationChannel.SMS, NotificationChannel.POSTAL_MAIL),
                EmailAddress.parse("a@exemple.fr"),
                PhoneNumber.parse("06 12 34 56 78"),
                PostalAddress.france(List.of("1 rue de la Mairie"), "75001", "Paris"),
                Instant.parse("2026-01-01T08:00:00Z"),
                QuietHours.paris(LocalTime.of(21, 0), LocalTime.of(8, 0)),
                LanguageRegister.PLAIN);
        store.save(p);
        assertThat(store.find(t, u)).contains(p);
        NotificationPreferences inApp = NotificationPreferences.inAppOnly(t, u);
        store.save(inApp);
        assertThat(store.find(t, u)).contains(inApp);
        assertThat(store.find(TenantId.of("commune-other"), u)).isEmpty();
    }
}
