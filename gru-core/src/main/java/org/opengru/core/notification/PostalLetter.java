package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.PostalAddress;

/**
 * A notification to print and post, for usagers without digital access.
 *
 * @param printedAt when the print service took it; {@code null} while waiting
 * @param notification the notification it carries
 * @param tenant the collectivité
 * @param usager the addressee
 * @param address where it goes
 * @param subject its subject
 * @param text its full text
 * @param enclosures the documents enclosed
 * @param queuedAt when it was queued
 */
public record PostalLetter(
        NotificationId notification,
        TenantId tenant,
        UsagerId usager,
        PostalAddress address,
        String subject,
        String text,
        List<Attachment> enclosures,
        Instant queuedAt,
        @Nullable Instant printedAt) {

    /**
     * Checks every part and copies the enclosures.
     *
     * @param notification the notification it carries
     * @param tenant the collectivité
     * @param usager the addressee
     * @param address where it goes
     * @param subject its subject
     * @param text its full text
     * @param enclosures the documents enclosed
     * @param queuedAt when it was queued
     * @param printedAt when the print service took it; {@code null} while waiting
     * @throws org.opengru.core.error.ValidationException naming the bad part
     */
    public PostalLetter {
        Checks.required("letter.notification", notification);
        Checks.required("letter.tenant", tenant);
        Checks.required("letter.usager", usager);
        Checks.required("letter.address", address);
        subject = Checks.text("letter.subject", subject, 300);
        text = Checks.text("letter.text", text);
        enclosures = List.copyOf(enclosures);
        Checks.required("letter.queuedAt", queuedAt);
    }
}
