package org.opengru.test.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.inbox.InboxItem;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.tenancy.TenantId;

/** The contract of the {@link InboxStore} port. */
public abstract class InboxStoreContract {

    protected static final TenantId TENANT = TenantId.of("commune-inbox");
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private InboxStore inbox;
    private final UsagerId usager = UsagerId.of(UUID.randomUUID());

    protected abstract InboxStore newStore();

    @BeforeEach
    void setUpInboxContract() {
        inbox = newStore();
    }

    private InboxItem item(Instant at) {
        return new InboxItem(
                UUID.randomUUID(),
                TENANT,
                usager,
                NotificationKind.AGENT_MESSAGE,
                null,
                "Nouveau message",
                "Texte",
                at,
                null);
    }

    @Test
    void addIsIdempotentOnTheItemId() {
        InboxItem i = item(T0);
        assertThat(inbox.add(i)).isTrue();
        assertThat(inbox.add(i)).isFalse();
        assertThat(inbox.page(TENANT, usager, null, 10)).containsExactly(i);
    }

    @Test
    void pagesNewestFirstByKeysetIncludingTies() {
        List<InboxItem> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            InboxItem it = item(T0.plusSeconds(i / 2)); // pairs share an instant
            inbox.add(it);
            items.add(it);
        }
        List<InboxItem> seen = new ArrayList<>();
        InboxItem cursor = null;
        while (true) {
            List<InboxItem> page = inbox.page(TENANT, usager, cursor, 4);
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            cursor = page.get(page.size() - 1);
        }
        assertThat(seen).hasSize(6).containsExactlyInAnyOrderElementsOf(items);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).createdAt())
                    .isBeforeOrEqualTo(seen.get(i - 1).createdAt());
        }
    }

    @Test
    void readAndUnreadPerUsager() {
        InboxItem a = item(T0);
        InboxItem b = item(T0.plusSeconds(1));
        inbox.add(a);
        inbox.add(b);
        assertThat(inbox.unreadCount(TENANT, usager)).isEqualTo(2);
        assertThat(inbox.markRead(TENANT, usager, a.id(), T0.plusSeconds(5))).isTrue();
        assertThat(inbox.markRead(TENANT, usager, a.id(), T0.plusSeconds(50))).isTrue();
        assertThat(inbox.find(TENANT, usager, a.id()).orElseThrow().readAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(inbox.unreadCount(TENANT, usager)).isEqualTo(1);
        UsagerId stranger = UsagerId.of(UUID.randomUUID());
        assertThat(inbox.markRead(TENANT, stranger, b.id(), T0)).isFalse();
        assertThat(inbox.find(TENANT, stranger, b.id())).isEmpty();
        assertThat(inbox.page(TenantId.of("commune-other"), usager, null, 10)).isEmpty();
    }
}
