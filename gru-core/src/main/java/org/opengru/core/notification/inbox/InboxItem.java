package org.opengru.core.notification.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.tenancy.TenantId;

/**
 * One message in an usager's in-app inbox.
 *
 * @param id the item's id: the notification's id when it comes from one (so a retried delivery adds
 *     nothing)
 * @param readAt when the usager opened it; {@code null}: unread
 * @param tenant the collectivité
 * @param usager whose inbox
 * @param kind what it is about
 * @param request the request it is about, or {@code null}
 * @param title its title
 * @param body its text
 * @param createdAt when it was filed
 */
public record InboxItem(
        UUID id,
        TenantId tenant,
        UsagerId usager,
        NotificationKind kind,
        @Nullable RequestId request,
        String title,
        String body,
        Instant createdAt,
        @Nullable Instant readAt) {

    /**
     * Checks every part.
     *
     * @param id the item's id: the notification's id when it comes from one (so a retried delivery adds
     *     nothing)
     * @param tenant the collectivité
     * @param usager whose inbox
     * @param kind what it is about
     * @param request the request it is about, or {@code null}
     * @param title its title
     * @param body its text
     * @param createdAt when it was filed
     * @param readAt when the usager opened it; {@code null}: unread
     * @throws org.opengru.core.error.ValidationException naming {@code inbox.<part>}
     */
    public InboxItem {
        Checks.required("inbox.id", id);
        Checks.required("inbox.tenant", tenant);
        Checks.required("inbox.usager", usager);
        Checks.required("inbox.kind", kind);
        title = Checks.text("inbox.title", title, 300);
        body = Checks.text("inbox.body", body, 50_000);
        createdAt = Checks.required("inbox.createdAt", createdAt).truncatedTo(ChronoUnit.MICROS);
        readAt = readAt == null ? null : readAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Whether the usager opened it.
     *
     * @return {@code true} once read
     */
    public boolean read() {
        return readAt != null;
    }
}
