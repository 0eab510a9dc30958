package org.opengru.spring.mail;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengru.core.inbound.InboundMailProcessor;
import org.opengru.core.inbound.imap.ImapMailbox;
import org.opengru.core.tenancy.TenantId;

/**
 * The tenants whose replies are read ({@code gru.tenants.<id>.mail.imap}): each one's mailbox and the
 * processor that threads, triages or quarantines what it holds. The job {@code inbound-mail-<tenant>} calls
 * {@link #poll}; call it yourself for a manual poll.
 */
public final class InboundMail {

    private record Tenant(ImapMailbox mailbox, InboundMailProcessor processor, int batch) {}

    private final Map<TenantId, Tenant> tenants;

    InboundMail(GruMail mail, Clock clock, java.util.function.Function<TenantId, InboundMailProcessor> processors) {
        Map<TenantId, Tenant> out = new LinkedHashMap<>();
        mail.tenants()
                .forEach((id, settings) -> mail.mailbox(id, clock)
                        .ifPresent(box -> out.put(id, new Tenant(box, processors.apply(id), settings.pollBatch()))));
        this.tenants = Collections.unmodifiableMap(out);
    }

    /** The tenants whose mailbox is read. */
    public java.util.Set<TenantId> tenants() {
        return tenants.keySet();
    }

    /** The tenant's processor (to hand it mails from another source). */
    public InboundMailProcessor processor(TenantId tenant) {
        return tenant(tenant).processor();
    }

    /**
     * Reads the tenant's mailbox once: up to {@code mail.poll-batch} unread mails.
     *
     * @throws org.opengru.core.inbound.imap.MailboxUnavailableException when the mailbox cannot be reached
     */
    public ImapMailbox.PollReport poll(TenantId tenant) {
        Tenant t = tenant(tenant);
        return t.mailbox().poll(tenant, t.processor(), t.batch());
    }

    private Tenant tenant(TenantId tenant) {
        Tenant t = tenants.get(tenant);
        if (t == null) {
            throw new IllegalArgumentException(
                    "No gru.tenants." + tenant.value() + ".mail.imap; read: " + tenants.keySet());
        }
        return t;
    }
}
