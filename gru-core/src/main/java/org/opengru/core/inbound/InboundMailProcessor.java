package org.opengru.core.inbound;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.contact.ContactId;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.contact.Direction;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
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
 *   <li>Anything suspicious — a token that does not verify, a malformed sender, failed SPF/DKIM/DMARC, a
 *       token used by someone other than the applicant, an oversized or refused attachment: quarantined as
 *       a contact with the typed reason, never attached to a request. Nothing is lost.
 * </ul>
 *
 * Idempotent on the Message-ID: the same mail handed twice gives one contact or one reply.
 */
public final class InboundMailProcessor {

    private static final Pattern AUTH_FAIL =
            Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*(fail|softfail|permerror)\\b");

    private final ReplyTokens tokens;
    private final RequestThreads threads;
    private final AttachmentScreen screen;
    private final SenderDirectory senders;
    private final ContactLog contacts;
    private final Clock clock;
    private final IdGenerator ids;
    private final long maxAttachmentBytes;
    private final long maxTotalBytes;

    private InboundMailProcessor(Builder b) {
        this.tokens = b.tokens;
        this.threads = Objects.requireNonNull(b.threads, "threads");
        this.screen = Objects.requireNonNull(b.screen, "screen");
        this.senders = b.senders;
        this.contacts = Objects.requireNonNull(b.contacts, "contacts");
        this.clock = b.clock;
        this.ids = b.ids != null ? b.ids : IdGenerator.create(b.clock);
        this.maxAttachmentBytes = b.maxAttachmentBytes;
        this.maxTotalBytes = b.maxTotalBytes;
    }

    public static Builder builder(ReplyTokens tokens, Clock clock) {
        return new Builder(tokens, clock);
    }

    /** The per-attachment size limit, also used by the mailbox adapters while reading. */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    /** Processes one mail for the tenant whose mailbox received it. */
    public InboundResult process(TenantId tenant, InboundMail mail) {
        EmailAddress from = parseFrom(mail.from());
        if (from == null) {
            return quarantine(tenant, mail, new SuspiciousMailException("missing or malformed From: " + mail.from()));
        }
        if (mail.authenticationResults() != null
                && AUTH_FAIL.matcher(mail.authenticationResults()).find()) {
            return quarantine(
                    tenant,
                    mail,
                    new SuspiciousMailException("sender authentication failed: " + mail.authenticationResults()));
        }
        long total = 0;
        for (InboundAttachment a : mail.attachments()) {
            if (a.size() > maxAttachmentBytes) {
                return quarantine(
                        tenant, mail, new OversizedAttachmentException(a.fileName(), a.size(), maxAttachmentBytes));
            }
            total += a.size();
        }
        if (total > maxTotalBytes) {
            return quarantine(
                    tenant, mail, new OversizedAttachmentException("(all attachments)", total, maxTotalBytes));
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
        threads.appendReply(tenant, request, reply);
        return new InboundResult.Threaded(request, reply);
    }

    /** Quarantines a mail the mailbox adapter could not even read in full (oversized, malformed MIME). */
    public InboundResult.Quarantined quarantine(TenantId tenant, InboundMail mail, InboundMailException reason) {
        ContactRecord c =
                contacts.add(contact(tenant, mail, null, ContactStatus.QUARANTINED, reason.getMessage(), List.of()));
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
        ContactRecord c = contacts.add(contact(tenant, mail, usager, ContactStatus.TO_TRIAGE, reason, refs));
        return new InboundResult.Triage(c);
    }

    private List<AttachmentScreen.Accepted> screenAll(TenantId tenant, @Nullable UsagerId owner, InboundMail mail) {
        List<AttachmentScreen.Accepted> out = new ArrayList<>();
        for (InboundAttachment a : mail.attachments()) {
            out.add(screen.screen(tenant, owner, a));
        }
        return out;
    }

    private ContactRecord contact(
            TenantId tenant,
            InboundMail mail,
            @Nullable UsagerId usager,
            ContactStatus status,
            String reason,
            List<String> refs) {
        String subject = mail.subject().isBlank() ? "(sans objet)" : truncate(mail.subject(), 300);
        String summary = mail.text().isBlank() ? "(message vide)" : truncate(mail.text(), 20_000);
        return new ContactRecord(
                new ContactId(ids.nextUuid()),
                tenant,
                usager,
                null,
                Channel.EMAIL,
                Direction.INBOUND,
                subject,
                summary + (mail.from() == null ? "" : "\n\n[From: " + truncate(mail.from(), 300) + "]"),
                null,
                mail.receivedAt(),
                clock.instant(),
                status,
                truncate(reason, 2000),
                refs,
                mail.messageId());
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

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Configures the processor. */
    public static final class Builder {
        private final ReplyTokens tokens;
        private final Clock clock;
        private @Nullable RequestThreads threads;
        private AttachmentScreen screen =
                AttachmentScreen.allowTypes(java.util.Set.of("application/pdf", "image/jpeg", "image/png"));
        private SenderDirectory senders = SenderDirectory.none();
        private @Nullable ContactLog contacts;
        private @Nullable IdGenerator ids;
        private long maxAttachmentBytes = 10L * 1024 * 1024;
        private long maxTotalBytes = 25L * 1024 * 1024;

        private Builder(ReplyTokens tokens, Clock clock) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder threads(RequestThreads threads) {
            this.threads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        public Builder screen(AttachmentScreen screen) {
            this.screen = Objects.requireNonNull(screen, "screen");
            return this;
        }

        public Builder senders(SenderDirectory senders) {
            this.senders = Objects.requireNonNull(senders, "senders");
            return this;
        }

        public Builder contacts(ContactLog contacts) {
            this.contacts = Objects.requireNonNull(contacts, "contacts");
            return this;
        }

        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** Per-attachment and per-mail limits, in bytes. */
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

        public InboundMailProcessor build() {
            return new InboundMailProcessor(this);
        }
    }
}
