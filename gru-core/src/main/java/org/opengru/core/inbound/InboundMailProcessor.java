package org.opengru.core.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.contact.ContactId;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.contact.Direction;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IdempotencyConflictException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.notification.Notification;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;

/**
 * Decides where an inbound e-mail goes, whatever mailbox it came from.
 *
 * <ul>
 *   <li>A reply token (in a recipient's plus-address or in the subject) that verifies, sent by the
 *       request's applicant, with acceptable attachments: the reply joins the request's thread, its
 *       attachments through the document vault's checks ({@link AttachmentScreen}).
 *   <li>No token: a contact to triage, linked to the usager when the sender's address is known.
 *   <li>Anything suspicious or refused — a token that does not verify, a malformed sender, failed
 *       SPF/DKIM/DMARC, a token used by someone other than the applicant, an oversized or refused attachment,
 *       more attachments than a thread takes, a file name it would refuse, a reply the thread refuses for
 *       its content: quarantined as a contact with the typed reason, never attached to a request.
 *   <li>Written by a machine — {@code Auto-Submitted} other than {@code no}, {@code Precedence: bulk},
 *       {@code junk} or {@code list}, {@code X-Autoreply}: an {@link ContactStatus#AUTOMATIC} contact,
 *       linked to the request its token names, never in the thread.
 *   <li>A delivery status notification (RFC 3464) about one of the commune's notification e-mails: that
 *       e-mail is marked bounced ({@link NotificationBounces}), the notification moves on to its next
 *       channel, and the report is kept as an automatic contact.
 * </ul>
 *
 * Nothing the mail contains makes {@link #process} throw: an exception out of it is a technical failure
 * (database, vault), which the mailbox adapter retries a bounded number of times. Idempotent on the
 * Message-ID: the same mail handed twice gives one contact or one reply.
 */
public final class InboundMailProcessor {

    /** The longest file name a request's thread keeps. */
    private static final int MAX_FILE_NAME = 255;

    private static final Set<String> BULK = Set.of("bulk", "junk", "list");

    private static final Pattern AUTH_FAIL =
            Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*(fail|softfail|permerror)\\b");

    private final ReplyTokens tokens;
    private final RequestThreads threads;
    private final AttachmentScreen screen;
    private final SenderDirectory senders;
    private final NotificationBounces bounces;
    private final ContactLog contacts;
    private final Clock clock;
    private final IdGenerator ids;
    private final long maxAttachmentBytes;
    private final long maxTotalBytes;
    private final int maxAttachments;

    private InboundMailProcessor(Builder b) {
        this.tokens = b.tokens;
        this.threads = Objects.requireNonNull(b.threads, "threads");
        this.screen = Objects.requireNonNull(b.screen, "screen");
        this.senders = b.senders;
        this.bounces = b.bounces;
        this.contacts = Objects.requireNonNull(b.contacts, "contacts");
        this.clock = b.clock;
        this.ids = b.ids != null ? b.ids : IdGenerator.create(b.clock);
        this.maxAttachmentBytes = b.maxAttachmentBytes;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxAttachments = b.maxAttachments;
    }

    /**
     * Starts a processor; threads, screen, senders and contacts are required.
     *
     * @param tokens the reply tokens of the installation
     * @param clock the installation's clock
     * @return the builder
     */
    public static Builder builder(ReplyTokens tokens, Clock clock) {
        return new Builder(tokens, clock);
    }

    /**
     * The per-attachment size limit, also used by the mailbox adapters while reading.
     *
     * @return the limit in bytes
     */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /**
     * The largest raw message the mailbox adapters download (the attachments' limit, their transfer
     * encoding and the text); a larger one is quarantined from its headers.
     *
     * @return the limit in bytes
     */
    public long maxMessageBytes() {
        return maxTotalBytes / 10 * 14 + 1024 * 1024;
    }

    /**
     * Processes one mail for the tenant whose mailbox received it. Throws only for a technical failure
     * (database, vault unavailable); whatever the mail contains gives a result.
     *
     * @param tenant the collectivité whose mailbox received it
     * @param mail the mail
     * @return where it went: a thread, triage, quarantine, automatic or bounce
     */
    public InboundResult process(TenantId tenant, InboundMail mail) {
        if (mail.authenticationResults() != null
                && AUTH_FAIL.matcher(mail.authenticationResults()).find()) {
            return quarantine(
                    tenant,
                    mail,
                    new SuspiciousMailException("sender authentication failed: " + mail.authenticationResults()));
        }
        EmailAddress from = parseFrom(mail.from());
        if (mail.deliveryReport() != null) {
            return deliveryReport(tenant, mail, from, mail.deliveryReport());
        }
        if (from == null) {
            return quarantine(tenant, mail, new SuspiciousMailException("missing or malformed From: " + mail.from()));
        }
        String automatic = automatic(mail);
        if (automatic != null) {
            return automatic(tenant, mail, from, "automatic reply (" + automatic + ")");
        }
        InboundMailException refused = refusedAttachments(mail);
        if (refused != null) {
            return quarantine(tenant, mail, refused);
        }
        Optional<String> token = findToken(mail);
        if (token.isEmpty()) {
            return triage(tenant, mail, from);
        }
        RequestId request;
        try {
            request = tokens.verify(tenant, token.get());
        } catch (ForgedReplyTokenException e) {
            return quarantine(tenant, mail, e);
        }
        Optional<RequestThreads.Correspondent> correspondent = threads.correspondent(tenant, request);
        if (correspondent.isEmpty()) {
            return quarantine(
                    tenant,
                    mail,
                    new SuspiciousMailException("valid token for request " + request + " which is unknown"));
        }
        if (correspondent.get().addresses().stream().noneMatch(a -> a.value().equalsIgnoreCase(from.value()))) {
            return quarantine(
                    tenant,
                    mail,
                    new SuspiciousMailException(
                            "sender " + from + " is not a known address of the applicant of request " + request));
        }
        List<AttachmentScreen.Accepted> accepted;
        try {
            accepted = screenAll(tenant, correspondent.get().usager(), mail);
        } catch (AttachmentRejectedException e) {
            return quarantine(tenant, mail, e);
        }
        RequestThreads.InboundReply reply = new RequestThreads.InboundReply(
                mail.messageId(),
                correspondent.get().usager(),
                mail.subject(),
                mail.text(),
                accepted,
                mail.receivedAt());
        try {
            threads.appendReply(tenant, request, reply);
        } catch (GruException e) {
            if (refusal(e)) {
                return quarantine(tenant, mail, new ReplyRefusedException(e));
            }
            throw e;
        }
        return new InboundResult.Threaded(request, reply);
    }

    /**
     * Whether a failure is a refusal of what the mail contains (bad input, a request the usager may no
     * longer write into), as opposed to a technical failure worth retrying (a store down, a concurrent
     * update).
     */
    private static boolean refusal(RuntimeException e) {
        return e instanceof ValidationException
                || e instanceof AccessDeniedException
                || e instanceof NotFoundException
                || e instanceof IllegalTransitionException
                || e instanceof IdempotencyConflictException
                || e instanceof AlreadyExistsException;
    }

    /** Why the attachments cannot go into a request's thread, or {@code null} when they can. */
    private @Nullable InboundMailException refusedAttachments(InboundMail mail) {
        if (mail.attachments().size() > maxAttachments) {
            return new AttachmentRejectedException(
                    "(all attachments)",
                    mail.attachments().size() + " attachments, " + maxAttachments + " at most per message");
        }
        long total = 0;
        for (InboundAttachment a : mail.attachments()) {
            String name = a.fileName();
            if (name.length() > MAX_FILE_NAME) {
                return new AttachmentRejectedException(
                        name, "its name of " + name.length() + " characters is longer than " + MAX_FILE_NAME);
            }
            if (name.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
                return new AttachmentRejectedException(name, "its name holds a path or a control character");
            }
            if (a.size() > maxAttachmentBytes) {
                return new OversizedAttachmentException(name, a.size(), maxAttachmentBytes);
            }
            total += a.size();
        }
        if (total > maxTotalBytes) {
            return new OversizedAttachmentException("(all attachments)", total, maxTotalBytes);
        }
        return null;
    }

    /** The header that shows a machine wrote the mail (RFC 3834 and common practice), or {@code null}. */
    private static @Nullable String automatic(InboundMail mail) {
        if (mail.autoSubmitted() != null && !keyword(mail.autoSubmitted()).equals("no")) {
            return "Auto-Submitted: " + mail.autoSubmitted();
        }
        if (mail.precedence() != null && BULK.contains(keyword(mail.precedence()))) {
            return "Precedence: " + mail.precedence();
        }
        if (mail.autoReply() != null) {
            return "X-Autoreply: " + mail.autoReply();
        }
        return null;
    }

    /** {@code auto-replied; owner-email="x@y"} → {@code auto-replied}. */
    private static String keyword(String header) {
        String v = header.strip();
        int end = 0;
        while (end < v.length() && v.charAt(end) != ';' && !Character.isWhitespace(v.charAt(end))) {
            end++;
        }
        return v.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * An automatic mail: never in the thread; linked to the request when its token verifies, to the usager
     * when the sender is known. A forged token is still quarantined.
     */
    private InboundResult automatic(TenantId tenant, InboundMail mail, @Nullable EmailAddress from, String why) {
        UsagerId usager = from == null ? null : senders.byEmail(tenant, from).orElse(null);
        RequestId request = null;
        Optional<String> token = findToken(mail);
        if (token.isPresent()) {
            RequestId named;
            try {
                named = tokens.verify(tenant, token.get());
            } catch (ForgedReplyTokenException e) {
                return quarantine(tenant, mail, e);
            }
            Optional<RequestThreads.Correspondent> c = threads.correspondent(tenant, named);
            if (c.isPresent()) {
                request = named;
                if (usager == null) {
                    usager = c.get().usager();
                }
            }
        }
        ContactRecord c = contacts.add(contact(tenant, mail, usager, request, ContactStatus.AUTOMATIC, why, List.of()));
        return new InboundResult.Automatic(c, why);
    }

    /** A bounce of one of our notification e-mails moves the notification on; any other report is kept. */
    private InboundResult deliveryReport(
            TenantId tenant, InboundMail mail, @Nullable EmailAddress from, DeliveryReport report) {
        if (report.failed() && report.originalMessageId() != null) {
            Optional<Notification> n =
                    bounces.bounced(tenant, report.originalMessageId(), "bounce: " + report.summary());
            if (n.isPresent()) {
                String why = "bounce of notification " + n.get().id() + ": " + report.summary();
                ContactRecord c = contacts.add(contact(
                        tenant, mail, n.get().usager(), n.get().request(), ContactStatus.AUTOMATIC, why, List.of()));
                return new InboundResult.Bounced(c, n.get());
            }
        }
        return automatic(tenant, mail, from, "delivery status notification: " + report.summary());
    }

    /**
     * Quarantines a mail the mailbox adapter could not even read in full (oversized, malformed MIME).
     *
     * @param tenant the collectivité
     * @param mail what could be read of the mail
     * @param reason why it could not be read in full
     * @return the quarantined contact
     */
    public InboundResult.Quarantined quarantine(TenantId tenant, InboundMail mail, InboundMailException reason) {
        ContactRecord c = contacts.add(
                contact(tenant, mail, null, null, ContactStatus.QUARANTINED, reason.getMessage(), List.of()));
        return new InboundResult.Quarantined(c, reason);
    }

    private InboundResult triage(TenantId tenant, InboundMail mail, EmailAddress from) {
        UsagerId usager = senders.byEmail(tenant, from).orElse(null);
        List<AttachmentScreen.Accepted> accepted;
        try {
            accepted = screenAll(tenant, usager, mail);
        } catch (AttachmentRejectedException e) {
            return quarantine(tenant, mail, e);
        }
        List<String> refs =
                accepted.stream().map(AttachmentScreen.Accepted::documentRef).toList();
        String reason = usager == null ? "no reply token; sender " + from + " unknown" : "no reply token";
        ContactRecord c = contacts.add(contact(tenant, mail, usager, null, ContactStatus.TO_TRIAGE, reason, refs));
        return new InboundResult.Triage(c);
    }

    private List<AttachmentScreen.Accepted> screenAll(TenantId tenant, @Nullable UsagerId owner, InboundMail mail) {
        List<AttachmentScreen.Accepted> out = new ArrayList<>();
        for (InboundAttachment a : mail.attachments()) {
            try {
                out.add(screen.screen(tenant, owner, a));
            } catch (AttachmentRejectedException e) {
                throw e;
            } catch (GruException e) {
                if (refusal(e)) {
                    throw new AttachmentRejectedException(a.fileName(), e.getMessage());
                }
                throw e;
            }
        }
        return out;
    }

    private ContactRecord contact(
            TenantId tenant,
            InboundMail mail,
            @Nullable UsagerId usager,
            @Nullable RequestId request,
            ContactStatus status,
            String reason,
            List<String> refs) {
        String subject = clean(mail.subject(), 300);
        String text = clean(mail.text(), 20_000);
        String sender = mail.from() == null ? "" : "\n\n[From: " + clean(mail.from(), 300) + "]";
        return new ContactRecord(
                new ContactId(ids.nextUuid()),
                tenant,
                usager,
                request,
                Channel.EMAIL,
                Direction.INBOUND,
                subject.isEmpty() ? "(sans objet)" : subject,
                truncate((text.isEmpty() ? "(message vide)" : text) + sender, 20_000),
                null,
                mail.receivedAt(),
                clock.instant(),
                status,
                clean(reason, 2000),
                refs,
                mail.messageId());
    }

    /** Without NUL and other controls a database would refuse (line breaks and tabs kept), cut, stripped. */
    private static String clean(String s, int max) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (!Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t') {
                out.append(c);
            }
        }
        return truncate(out.toString(), max).strip();
    }

    private static Optional<String> findToken(InboundMail mail) {
        for (String r : mail.recipients()) {
            int at = r.lastIndexOf('@');
            String local = at > 0 ? r.substring(0, at) : r;
            int plus = local.indexOf('+');
            if (plus >= 0) {
                Optional<String> t = ReplyTokens.find(local.substring(plus + 1));
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return ReplyTokens.find(mail.subject());
    }

    private static @Nullable EmailAddress parseFrom(@Nullable String from) {
        if (from == null) {
            return null;
        }
        String s = from.strip();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt);
        }
        try {
            return EmailAddress.parse(s);
        } catch (ValidationException e) {
            return null;
        }
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    private static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** Configures the processor. */
    public static final class Builder {
        private final ReplyTokens tokens;
        private final Clock clock;
        private @Nullable RequestThreads threads;
        private AttachmentScreen screen =
                AttachmentScreen.allowTypes(Set.of("application/pdf", "image/jpeg", "image/png"));
        private SenderDirectory senders = SenderDirectory.none();
        private NotificationBounces bounces = NotificationBounces.none();
        private @Nullable ContactLog contacts;
        private @Nullable IdGenerator ids;
        private long maxAttachmentBytes = 10L * 1024 * 1024;
        private long maxTotalBytes = 25L * 1024 * 1024;
        private int maxAttachments = 20;

        private Builder(ReplyTokens tokens, Clock clock) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Where replies go (gru-core's {@link ExchangeRequestThreads}); required.
         *
         * @param threads the threads
         * @return this builder
         */
        public Builder threads(RequestThreads threads) {
            this.threads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        /**
         * The vault's checks on attachments; required.
         *
         * @param screen the screen
         * @return this builder
         */
        public Builder screen(AttachmentScreen screen) {
            this.screen = Objects.requireNonNull(screen, "screen");
            return this;
        }

        /**
         * Who sent a mail without token; required.
         *
         * @param senders the directory
         * @return this builder
         */
        public Builder senders(SenderDirectory senders) {
            this.senders = Objects.requireNonNull(senders, "senders");
            return this;
        }

        /**
         * Where bounces of notification e-mails go: {@code notificationService::recordBounce}.
         *
         * @param bounces the notifications' bounces
         * @return this builder
         */
        public Builder bounces(NotificationBounces bounces) {
            this.bounces = Objects.requireNonNull(bounces, "bounces");
            return this;
        }

        /**
         * Attachments per mail; more and the mail is quarantined (a request's thread takes 20 per message).
         *
         * @param maxAttachments from 0 to 20
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code inbound.maxAttachments} when out of range
         */
        public Builder maxAttachments(int maxAttachments) {
            if (maxAttachments < 0 || maxAttachments > 20) {
                throw new ValidationException("inbound.maxAttachments", maxAttachments, "must be between 0 and 20");
            }
            this.maxAttachments = maxAttachments;
            return this;
        }

        /**
         * Where triage, quarantine and automatic contacts go; required.
         *
         * @param contacts the contact log
         * @return this builder
         */
        public Builder contacts(ContactLog contacts) {
            this.contacts = Objects.requireNonNull(contacts, "contacts");
            return this;
        }

        /**
         * The ids of the contacts.
         *
         * @param ids the id generator
         * @return this builder
         */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * Per-attachment and per-mail limits, in bytes.
         *
         * @param maxAttachmentBytes the largest attachment
         * @param maxTotalBytes the largest sum of a mail's attachments
         * @return this builder
         * @throws org.opengru.core.error.ValidationException naming {@code inbound.limits} unless 1 ≤ per attachment ≤
         *     total
         */
        public Builder limits(long maxAttachmentBytes, long maxTotalBytes) {
            if (maxAttachmentBytes < 1 || maxTotalBytes < maxAttachmentBytes) {
                throw new ValidationException(
                        "inbound.limits",
                        maxAttachmentBytes + "/" + maxTotalBytes,
                        "need 1 <= per attachment <= total");
            }
            this.maxAttachmentBytes = maxAttachmentBytes;
            this.maxTotalBytes = maxTotalBytes;
            return this;
        }

        /**
         * Makes the processor.
         *
         * @return the processor
         * @throws NullPointerException naming a required part not given
         */
        public InboundMailProcessor build() {
            return new InboundMailProcessor(this);
        }
    }
}
