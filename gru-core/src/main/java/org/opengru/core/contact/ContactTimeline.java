package org.opengru.core.contact;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;

/**
 * The contacts of an usager in the 360° view (kind {@code contact.<CHANNEL>}, entry id {@code
 * contact:<id>}): phone calls, counter visits, letters and e-mails, whatever the channel.
 */
public final class ContactTimeline implements TimelineContributor {

    /** Extra rows read so that entries sharing the cursor's instant are not skipped. */
    private static final int TIES = 64;

    private static final UUID MAX = new UUID(-1L, -1L);

    private final ContactLog log;

    private ContactTimeline(ContactLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The contributor reading that log.
     *
     * @param log the contact log
     * @return the contributor
     */
    public static ContactTimeline of(ContactLog log) {
        return new ContactTimeline(log);
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        ContactRecord after = null;
        if (before != null) {
            // A stand-in just past the cursor's instant; the filter below applies the exact cursor.
            after = new ContactRecord(
                    ContactId.of(MAX),
                    tenant,
                    usager,
                    null,
                    Channel.PHONE,
                    Direction.INBOUND,
                    "-",
                    "-",
                    null,
                    before.occurredAt().plusNanos(1000),
                    before.occurredAt(),
                    ContactStatus.RECORDED,
                    null,
                    List.of(),
                    null);
        }
        int fetch = limit > Integer.MAX_VALUE - TIES ? Integer.MAX_VALUE : limit + TIES;
        return TimelineEntry.page(
                log.byUsager(tenant, usager, after, fetch).stream()
                        .map(ContactTimeline::entry)
                        .toList(),
                before,
                limit);
    }

    static TimelineEntry entry(ContactRecord c) {
        return new TimelineEntry(
                c.tenant(),
                java.util.Objects.requireNonNull(c.usager()),
                c.occurredAt(),
                "contact:" + c.id(),
                "core",
                "contact." + c.channel(),
                c.request() == null ? null : c.request().toString(),
                c.channel().name(),
                (c.direction() == Direction.INBOUND ? "← " : "→ ")
                        + c.subject()
                        + (c.status() == ContactStatus.RECORDED ? "" : " [" + c.status() + "]"));
    }
}
