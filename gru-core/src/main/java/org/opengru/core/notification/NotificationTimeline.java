package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.usager.NotificationChannel;

/**
 * The notifications of an usager in the 360° view: one entry per notification with its delivery state
 * and channel (kind {@code notification.<KIND>}, entry id {@code notification:<id>}).
 *
 * <pre>{@code
 * Timeline timeline = Timeline.of(List.of(timelineStore, NotificationTimeline.of(store), ContactTimeline.of(log)));
 * }</pre>
 */
public final class NotificationTimeline implements TimelineContributor {

    /** Extra rows read so that entries sharing the cursor's instant are not skipped. */
    private static final int TIES = 64;

    private final NotificationStore store;

    private NotificationTimeline(NotificationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The contributor reading that store.
     *
     * @param store the notification store
     * @return the contributor
     */
    public static NotificationTimeline of(NotificationStore store) {
        return new NotificationTimeline(store);
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        Instant bound = before == null ? null : before.occurredAt().plusNanos(1000);
        int fetch = limit > Integer.MAX_VALUE - TIES ? Integer.MAX_VALUE : limit + TIES;
        return TimelineEntry.page(
                store.byUsager(tenant, usager, bound, fetch).stream()
                        .map(NotificationTimeline::entry)
                        .toList(),
                before,
                limit);
    }

    static TimelineEntry entry(Notification n) {
        NotificationChannel channel = n.deliveredOn() != null ? n.deliveredOn() : n.currentChannel();
        String subject = n.request() != null ? n.request().toString() : n.appointmentId();
        return new TimelineEntry(
                n.tenant(),
                n.usager(),
                n.createdAt(),
                "notification:" + n.id(),
                "core",
                "notification." + n.kind(),
                subject,
                channel == null ? null : channel.name(),
                n.message().subject() + " — " + n.status() + (channel == null ? "" : " (" + channel + ")"));
    }
}
