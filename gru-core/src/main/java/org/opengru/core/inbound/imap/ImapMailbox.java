package org.opengru.core.inbound.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.inbound.InboundMail;
import org.opengru.core.inbound.InboundMailProcessor;
import org.opengru.core.inbound.InboundResult;
import org.opengru.core.inbound.MalformedMailException;
import org.opengru.core.inbound.OversizedAttachmentException;
import org.opengru.core.inbound.ProcessingFailedException;
import org.opengru.core.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one tenant's IMAP mailbox: each unread mail goes through the {@link InboundMailProcessor}, then is
 * copied to the processed or quarantine folder and removed from the inbox. Nothing a mail contains can
 * keep it in the inbox:
 *
 * <ul>
 *   <li>the mail is downloaded whole (up to {@link InboundMailProcessor#maxMessageBytes()}, larger ones are
 *       quarantined from their headers) and parsed in memory, so that a failure while parsing is the
 *       mail's own doing: it is quarantined as malformed;
 *   <li>a failure while processing (database, vault down) or while fetching that one mail is technical: the
 *       mail stays unread for the next poll, its count of failed attempts kept in the mailbox as an IMAP
 *       keyword ({@code opengru-failed-<n>}; in memory when the server takes no keywords). At {@code
 *       maxAttempts} it is quarantined with a {@link ProcessingFailedException}; when even that cannot be
 *       recorded, it is moved to the quarantine folder with the reason in an {@value #QUARANTINE_HEADER}
 *       header;
 *   <li>mails with fewer failed attempts go first, so a mail that keeps failing never holds back the ones
 *       behind it; two technical failures in a row end the poll (the database is probably down), the rest
 *       waits uncharged.
 * </ul>
 *
 * A lost connection to the mailbox ends the poll with a {@link MailboxUnavailableException}, charging no
 * mail. Call {@link #poll} from any scheduler; one poller per mailbox at a time.
 */
public final class ImapMailbox {

    /** The header carrying the reason of a mail set aside without a quarantine contact. */
    public static final String QUARANTINE_HEADER = "X-OpenGRU-Quarantine";

    /** Technical failures of one mail before it is quarantined, by default. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(ImapMailbox.class);
    private static final String FAILED_KEYWORD = "opengru-failed-";
    private static final int FAILURES_IN_A_ROW = 2;

    private final ImapSettings settings;
    private final Clock clock;
    private final Session session;
    private final int maxAttempts;
    /** Failed attempts per mail, for servers that take no keywords (per node, lost on restart). */
    private final Map<String, Integer> failuresWithoutKeywords = new ConcurrentHashMap<>();

    /**
     * A poller quarantining a mail after {@link #DEFAULT_MAX_ATTEMPTS} technical failures.
     *
     * @param settings how to reach the mailbox
     * @param clock the installation's clock
     */
    public ImapMailbox(ImapSettings settings, Clock clock) {
        this(settings, clock, DEFAULT_MAX_ATTEMPTS);
    }

    /**
     * A poller quarantining a mail after {@code maxAttempts} technical failures.
     *
     * @param maxAttempts technical failures of one mail before it is quarantined (1 to 100)
     * @param settings how to reach the mailbox
     * @param clock the installation's clock
     * @throws org.opengru.core.error.ValidationException naming {@code imap.maxAttempts} when out of range
     */
    public ImapMailbox(ImapSettings settings, Clock clock, int maxAttempts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ValidationException("imap.maxAttempts", maxAttempts, "must be between 1 and 100");
        }
        this.maxAttempts = maxAttempts;
        Properties p = new Properties();
        String proto = settings.tls() ? "imaps" : "imap";
        String ms = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.store.protocol", proto);
        p.setProperty("mail." + proto + ".connectiontimeout", ms);
        p.setProperty("mail." + proto + ".timeout", ms);
        // Reading a mail must not mark it read: only a handled mail leaves the unread ones.
        p.setProperty("mail." + proto + ".peek", "true");
        if (settings.tls()) {
            p.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    /**
     * What one poll did.
     *
     * @param results the mails handled (threaded, triaged, quarantined, automatic, bounced)
     * @param leftForRetry mails that failed for a technical reason and stay for the next poll
     * @param quarantinedWithoutContact mails that failed {@code maxAttempts} times and could not even be
     *     recorded as quarantined: moved to the quarantine folder with their reason in a header
     */
    public record PollReport(List<InboundResult> results, int leftForRetry, int quarantinedWithoutContact) {}

    /**
     * Handles up to {@code max} unread mails, those with fewer failed attempts first.
     *
     * @param tenant the collectivité the mailbox belongs to
     * @param processor where each mail goes
     * @param max the most mails this poll handles
     * @return what the poll did
     * @throws MailboxUnavailableException when the mailbox cannot be reached or opened
     */
    public PollReport poll(TenantId tenant, InboundMailProcessor processor, int max) {
        if (max < 1) {
            throw new ValidationException("imap.max", max, "must be at least 1");
        }
        try (Store store = session.getStore()) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder inbox = store.getFolder(settings.inboxFolder());
            inbox.open(Folder.READ_WRITE);
            try {
                return new Poll(tenant, processor, store, inbox).run(max);
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(true);
                }
            }
        } catch (MessagingException e) {
            throw new MailboxUnavailableException(settings.host() + ":" + settings.port(), e);
        }
    }

    /** One poll over an open inbox. */
    private final class Poll {
        private final TenantId tenant;
        private final InboundMailProcessor processor;
        private final Store store;
        private final Folder inbox;
        private final boolean keywords;
        private final List<InboundResult> results = new ArrayList<>();
        private int left;
        private int withoutContact;

        Poll(TenantId tenant, InboundMailProcessor processor, Store store, Folder inbox) {
            this.tenant = tenant;
            this.processor = processor;
            this.store = store;
            this.inbox = inbox;
            this.keywords = inbox.getPermanentFlags().contains(Flags.Flag.USER);
        }

        PollReport run(int max) throws MessagingException {
            Folder processed = folder(store, settings.processedFolder());
            Folder quarantine = folder(store, settings.quarantineFolder());
            Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            FetchProfile flags = new FetchProfile();
            flags.add(FetchProfile.Item.FLAGS);
            flags.add(FetchProfile.Item.ENVELOPE); // received date and size
            flags.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(unread, flags);
            List<MimeMessage> ordered = new ArrayList<>();
            for (Message m : unread) {
                ordered.add((MimeMessage) m);
            }
            Map<MimeMessage, Integer> failures = new HashMap<>();
            for (MimeMessage m : ordered) {
                failures.put(m, failures(m));
            }
            ordered.sort(Comparator.comparing(failures::get)); // stable: arrival order among equals
            int inARow = 0;
            for (int i = 0; i < ordered.size() && i < max && inARow < FAILURES_IN_A_ROW; i++) {
                MimeMessage m = ordered.get(i);
                InboundResult r;
                RuntimeException technical;
                try {
                    r = handle(m);
                    technical = null;
                } catch (MessagingException e) {
                    if (!store.isConnected() || !inbox.isOpen()) {
                        throw e; // the mailbox is gone, not this mail
                    }
                    r = null;
                    technical = new IllegalStateException("cannot fetch the mail: " + e, e);
                } catch (RuntimeException e) {
                    r = null;
                    technical = e;
                }
                if (r != null) {
                    inARow = 0;
                    results.add(r);
                    move(m, r instanceof InboundResult.Quarantined ? quarantine : processed);
                    forget(m);
                    continue;
                }
                inARow++;
                int attempts = failures.get(m) + 1;
                LOG.warn(
                        "inbound mail {} failed ({} of {} attempts)",
                        m.getMessageNumber(),
                        attempts,
                        maxAttempts,
                        technical);
                if (attempts < maxAttempts) {
                    charge(m, attempts);
                    left++;
                } else {
                    giveUp(m, new ProcessingFailedException(attempts, technical.toString()), quarantine);
                }
            }
            return new PollReport(results, left, withoutContact);
        }

        /**
         * The mail's result. A {@link MessagingException} is the mailbox failing on this mail; a runtime
         * exception out of the processor is a technical failure; nothing else throws.
         */
        private InboundResult handle(MimeMessage m) throws MessagingException {
            Instant received = m.getReceivedDate() != null ? m.getReceivedDate().toInstant() : clock.instant();
            long limit = processor.maxMessageBytes();
            int size = m.getSize();
            if (size > limit) {
                // Not downloaded: its headers are enough to tell an agent what it was.
                return processor.quarantine(
                        tenant,
                        MimeMails.headersOnly(m, received, "message of " + size + " bytes not downloaded"),
                        new OversizedAttachmentException("(whole message)", size, limit));
            }
            byte[] raw = download(m);
            InboundMail mail;
            try {
                MimeMessage local = new MimeMessage(session, new ByteArrayInputStream(raw));
                mail = MimeMails.read(local, received, processor.maxAttachmentBytes());
            } catch (OversizedAttachmentException e) {
                return processor.quarantine(tenant, MimeMails.headersOnly(raw, received, e.getMessage()), e);
            } catch (MessagingException | IOException | RuntimeException e) {
                // Parsed from memory: whatever fails now is the mail's own doing.
                return processor.quarantine(
                        tenant,
                        MimeMails.headersOnly(raw, received, "unreadable message: " + e),
                        new MalformedMailException(e.toString(), e));
            }
            return processor.process(tenant, mail);
        }

        private byte[] download(MimeMessage m) throws MessagingException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                m.writeTo(out);
            } catch (IOException e) {
                throw new MessagingException("reading message " + m.getMessageNumber(), e);
            }
            return out.toByteArray();
        }

        /**
         * Quarantines a mail that failed too often; when even the quarantine cannot be recorded (the
         * database is down), sets it aside in the quarantine folder with the reason in a header.
         */
        private void giveUp(MimeMessage m, ProcessingFailedException reason, Folder quarantine)
                throws MessagingException {
            Instant now = clock.instant();
            InboundMail headers;
            try {
                headers = MimeMails.headersOnly(m, now, reason.getMessage());
            } catch (MessagingException e) {
                headers = new InboundMail(
                        "imap:" + key(m), null, List.of(), "", reason.getMessage(), List.of(), now, null, null);
            }
            try {
                results.add(processor.quarantine(tenant, headers, reason));
                move(m, quarantine);
            } catch (RuntimeException e) {
                LOG.error("inbound mail {} set aside unrecorded: {}", m.getMessageNumber(), reason.getMessage(), e);
                setAside(m, reason.getMessage(), quarantine);
                withoutContact++;
            }
            forget(m);
        }

        private void setAside(MimeMessage m, String reason, Folder quarantine) throws MessagingException {
            try {
                MimeMessage copy = new MimeMessage(session, new ByteArrayInputStream(download(m)));
                copy.setHeader(
                        QUARANTINE_HEADER,
                        MimeUtility.fold(
                                QUARANTINE_HEADER.length() + 2,
                                MimeUtility.encodeText(oneLine(reason), "UTF-8", null)));
                quarantine.appendMessages(new Message[] {copy});
            } catch (MessagingException | IOException | RuntimeException e) {
                LOG.warn("inbound mail {} set aside without its reason header", m.getMessageNumber(), e);
                inbox.copyMessages(new Message[] {m}, quarantine);
            }
            m.setFlag(Flags.Flag.SEEN, true);
            m.setFlag(Flags.Flag.DELETED, true);
        }

        private void move(MimeMessage m, Folder target) throws MessagingException {
            inbox.copyMessages(new Message[] {m}, target);
            m.setFlag(Flags.Flag.SEEN, true);
            m.setFlag(Flags.Flag.DELETED, true);
        }

        private int failures(MimeMessage m) throws MessagingException {
            if (!keywords) {
                return failuresWithoutKeywords.getOrDefault(key(m), 0);
            }
            int n = 0;
            for (String flag : m.getFlags().getUserFlags()) {
                if (flag.startsWith(FAILED_KEYWORD)) {
                    try {
                        n = Math.max(n, Integer.parseInt(flag.substring(FAILED_KEYWORD.length())));
                    } catch (NumberFormatException e) {
                        // someone else's keyword
                    }
                }
            }
            return n;
        }

        private void charge(MimeMessage m, int attempts) throws MessagingException {
            if (keywords) {
                m.setFlags(new Flags(FAILED_KEYWORD + attempts), true);
            } else {
                failuresWithoutKeywords.put(key(m), attempts);
            }
            m.setFlag(Flags.Flag.SEEN, false);
        }

        private void forget(MimeMessage m) throws MessagingException {
            if (!keywords) {
                failuresWithoutKeywords.remove(key(m));
            }
        }

        private String key(MimeMessage m) throws MessagingException {
            if (inbox instanceof UIDFolder u) {
                return tenant + "/" + u.getUIDValidity() + "/" + u.getUID(m);
            }
            return tenant + "/" + m.getMessageID();
        }
    }

    private static String oneLine(@Nullable String s) {
        String v = s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return v.length() > 900 ? v.substring(0, 900) : v;
    }

    private static Folder folder(Store store, String name) throws MessagingException {
        Folder f = store.getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        return f;
    }
}
