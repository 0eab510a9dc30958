package org.opengru.core.inbound.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.opengru.core.inbound.InboundMail;
import org.opengru.core.inbound.InboundMailProcessor;
import org.opengru.core.inbound.InboundResult;
import org.opengru.core.inbound.OversizedAttachmentException;
import org.opengru.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one tenant's IMAP mailbox: each unread mail goes through the {@link InboundMailProcessor}, then is
 * copied to the processed or quarantine folder and removed from the inbox. A mail whose processing fails
 * for a technical reason (database down) stays unread in the inbox for the next poll: nothing is lost.
 * Call {@link #poll} from any scheduler; one poller per mailbox at a time.
 */
public final class ImapMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(ImapMailbox.class);

    private final ImapSettings settings;
    private final Clock clock;
    private final Session session;

    public ImapMailbox(ImapSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Properties p = new Properties();
        String proto = settings.tls() ? "imaps" : "imap";
        String ms = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.store.protocol", proto);
        p.setProperty("mail." + proto + ".connectiontimeout", ms);
        p.setProperty("mail." + proto + ".timeout", ms);
        if (settings.tls()) {
            p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    /** What one poll did. */
    public record PollReport(List<InboundResult> results, int leftForRetry) {}

    /** Handles up to {@code max} unread mails. */
    public PollReport poll(TenantId tenant, InboundMailProcessor processor, int max) {
        List<InboundResult> results = new ArrayList<>();
        int left = 0;
        try (Store store = session.getStore()) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder inbox = store.getFolder(settings.inboxFolder());
            inbox.open(Folder.READ_WRITE);
            try {
                Folder processed = folder(store, settings.processedFolder());
                Folder quarantine = folder(store, settings.quarantineFolder());
                Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < unread.length && i < max; i++) {
                    MimeMessage m = (MimeMessage) unread[i];
                    InboundResult r;
                    try {
                        r = handle(tenant, processor, m);
                    } catch (RuntimeException | MessagingException e) {
                        // A technical failure: leave the mail unread for the next poll.
                        LOG.warn("inbound mail {} left for retry", m.getMessageNumber(), e);
                        // Reading the body set \Seen: clear it so that the next poll takes the mail again.
                        m.setFlag(Flags.Flag.SEEN, false);
                        left++;
                        continue;
                    }
                    results.add(r);
                    Folder target = r instanceof InboundResult.Quarantined ? quarantine : processed;
                    inbox.copyMessages(new Message[] {m}, target);
                    m.setFlag(Flags.Flag.SEEN, true);
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            } finally {
                inbox.close(true);
            }
        } catch (MessagingException e) {
            throw new MailboxUnavailableException(settings.host() + ":" + settings.port(), e);
        }
        return new PollReport(results, left);
    }

    private InboundResult handle(TenantId tenant, InboundMailProcessor processor, MimeMessage m)
            throws MessagingException {
        InboundMail mail;
        try {
            mail = MimeMails.read(m, clock.instant(), processor.maxAttachmentBytes());
        } catch (OversizedAttachmentException e) {
            return processor.quarantine(tenant, MimeMails.headersOnly(m, clock.instant(), e.getMessage()), e);
        } catch (IOException | MessagingException e) {
            return processor.quarantine(
                    tenant,
                    MimeMails.headersOnly(m, clock.instant(), "unreadable MIME: " + e.getMessage()),
                    new org.opengru.core.inbound.SuspiciousMailException("malformed MIME message: " + e.getMessage()));
        }
        return processor.process(tenant, mail);
    }

    private static Folder folder(Store store, String name) throws MessagingException {
        Folder f = store.getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        return f;
    }
}
