package org.opengru.test.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.contact.ContactId;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.contact.Direction;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.tenancy.TenantId;

/** The contract of the {@link ContactLog} port. */
public abstract class ContactLogContract {

    protected static final TenantId TENANT = TenantId.of("commune-contacts");
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ContactLog log;
    private final UsagerId usager = UsagerId.of(UUID.randomUUID());
    private final RequestId request = RequestId.of(UUID.randomUUID());

    protected abstract ContactLog newLog();

    @BeforeEach
    void setUpContactLogContract() {
        log = newLog();
    }

    private ContactRecord contact(
            Channel channel,
            @Nullable UsagerId u,
            @Nullable RequestId r,
            Instant at,
            ContactStatus status,
            @Nullable String ref) {
        return new ContactRecord(
                ContactId.of(UUID.randomUUID()),
                TENANT,
                u,
                r,
                channel,
                Direction.INBOUND,
                "Appel",
                "Résumé de l'échange",
                status == ContactStatus.RECORDED ? AgentId.of("jdupont") : null,
                at,
                at,
                status,
                status == ContactStatus.RECORDED ? null : "à trier",
                List.of("doc:1"),
                ref);
    }

    @Test
    void storesAndFindsEveryField() {
        ContactRecord c = contact(Channel.PHONE, usager, request, T0, ContactStatus.RECORDED, null);
        assertThat(log.add(c)).isEqualTo(c);
        assertThat(log.find(TENANT, c.id())).contains(c);
        assertThat(log.find(TenantId.of("commune-other"), c.id())).isEmpty();
        assertThat(log.byRequest(TENANT, request)).containsExactly(c);
    }

    @Test
    void theSameExternalReferenceKeepsTheFirstContact() {
        ContactRecord first = contact(Channel.EMAIL, null, null, T0, ContactStatus.TO_TRIAGE, "<m@x>");
        ContactRecord again = contact(Channel.EMAIL, null, null, T0, ContactStatus.TO_TRIAGE, "<m@x>");
        assertThat(log.add(first)).isEqualTo(first);
        assertThat(log.add(again)).isEqualTo(first);
        assertThat(log.withStatus(TENANT, ContactStatus.TO_TRIAGE, 10)).containsExactly(first);
    }

    @Test
    void usagerContactsPageNewestFirst() {
        List<ContactRecord> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ContactRecord c = contact(
                    i % 2 == 0 ? Channel.COUNTER : Channel.POSTAL_MAIL,
                    usager,
                    null,
                    T0.plusSeconds(i / 2),
                    ContactStatus.RECORDED,
                    null);
            log.add(c);
            all.add(c);
        }
        List<ContactRecord> seen = new ArrayList<>();
        ContactRecord cursor = null;
        while (true) {
            List<ContactRecord> page = log.byUsager(TENANT, usager, cursor, 2);
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            cursor = page.get(page.size() - 1);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all).hasSize(5);
        assertThat(seen.get(0).occurredAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void triageUpdatesLinksAndStatus() {
        ContactRecord c = contact(Channel.EMAIL, null, null, T0, ContactStatus.TO_TRIAGE, "<t@x>");
        log.add(c);
        ContactRecord t = c.triaged(usager, request, AgentId.of("jdupont"));
        log.update(t);
        assertThat(log.find(TENANT, c.id())).contains(t);
        assertThat(log.withStatus(TENANT, ContactStatus.TO_TRIAGE, 10)).isEmpty();
        assertThat(log.byUsager(TENANT, usager, null, 10)).containsExactly(t);
    }

    @Test
    void anAutomaticMailIsListedApartFromTheTriageQueue() {
        ContactRecord auto = contact(Channel.EMAIL, usager, request, T0, ContactStatus.AUTOMATIC, "<absent@x>");
        log.add(auto);
        assertThat(log.withStatus(TENANT, ContactStatus.AUTOMATIC, 10)).containsExactly(auto);
        assertThat(log.withStatus(TENANT, ContactStatus.TO_TRIAGE, 10)).isEmpty();
        assertThat(log.byRequest(TENANT, request)).containsExactly(auto);
    }
}
