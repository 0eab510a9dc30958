package org.opengru.core.contact;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * One exchange with an usager through any channel other than the request's message thread: a phone call,
 * a counter visit, a postal letter, an e-mail that named no request. Feeds the 360° view.
 *
 * @param usager who, when known
 * @param request about which request, when known
 * @param recordedBy the agent who recorded it; {@code null} for an e-mail recorded by the mailbox
 * @param occurredAt when the exchange happened (a letter: its date of receipt)
 * @param reason why it awaits triage or is quarantined
 * @param documentRefs the document vault's references of its attachments
 * @param externalRef an id from outside (the e-mail's Message-ID), unique per tenant: recording the same
 *     mail twice keeps one contact
 *
 * @param id the contact's id
 * @param tenant the collectivité
 * @param channel how it came (phone, counter, post, e-mail, social network)
 * @param direction who reached out
 * @param subject its subject, at most 300 characters
 * @param summary what was said, at most 20,000 characters
 * @param recordedAt when it was recorded
 * @param status where it stands
 */
public record ContactRecord(
        ContactId id,
        TenantId tenant,
        @Nullable UsagerId usager,
        @Nullable RequestId request,
        Channel channel,
        Direction direction,
        String subject,
        String summary,
        @Nullable AgentId recordedBy,
        Instant occurredAt,
        Instant recordedAt,
        ContactStatus status,
        @Nullable String reason,
        List<String> documentRefs,
        @Nullable String externalRef) {

    /** The channels a contact may come through (web and app exchanges live in the request thread). */
    public static final Set<Channel> CHANNELS =
            Set.of(Channel.PHONE, Channel.COUNTER, Channel.POSTAL_MAIL, Channel.EMAIL, Channel.SOCIAL_NETWORK);

    /**
     * Checks every part: a channel of {@link #CHANNELS}, texts within their lengths, a reason when awaiting
     * triage or quarantined; times truncated to the microsecond (as PostgreSQL keeps them).
     *
     * @param id the contact's id
     * @param tenant the collectivité
     * @param usager who, when known
     * @param request about which request, when known
     * @param channel how it came (phone, counter, post, e-mail, social network)
     * @param direction who reached out
     * @param subject its subject, at most 300 characters
     * @param summary what was said, at most 20,000 characters
     * @param recordedBy the agent who recorded it; {@code null} for an e-mail recorded by the mailbox
     * @param occurredAt when the exchange happened (a letter: its date of receipt)
     * @param recordedAt when it was recorded
     * @param status where it stands
     * @param reason why it awaits triage or is quarantined
     * @param documentRefs the document vault's references of its attachments
     * @param externalRef an id from outside (the e-mail's Message-ID), unique per tenant: recording the same
     *     mail twice keeps one contact
     * @throws org.opengru.core.error.ValidationException naming {@code contact.<part>} and the value
     */
    public ContactRecord {
        Checks.required("contact.id", id);
        Checks.required("contact.tenant", tenant);
        Checks.required("contact.channel", channel);
        Checks.check(CHANNELS.contains(channel), "contact.channel", channel, "must be one of " + CHANNELS);
        Checks.required("contact.direction", direction);
        subject = Checks.text("contact.subject", subject, 300);
        summary = Checks.text("contact.summary", summary, 20_000);
        occurredAt = Checks.required("contact.occurredAt", occurredAt).truncatedTo(ChronoUnit.MICROS);
        recordedAt = Checks.required("contact.recordedAt", recordedAt).truncatedTo(ChronoUnit.MICROS);
        Checks.required("contact.status", status);
        Checks.check(
                status != ContactStatus.RECORDED || usager != null || request != null,
                "contact.usager",
                null,
                "a recorded contact names an usager or a request");
        documentRefs = List.copyOf(documentRefs);
        Checks.check(
                externalRef == null || externalRef.length() <= 998, "contact.externalRef", externalRef, "too long");
    }

    /**
     * This contact linked by an agent during triage.
     *
     * @param toUsager the usager it concerns, or {@code null}
     * @param toRequest the request it concerns, or {@code null}
     * @param by the agent who triaged it
     * @return the contact, {@link ContactStatus#TRIAGED}
     */
    public ContactRecord triaged(@Nullable UsagerId toUsager, @Nullable RequestId toRequest, AgentId by) {
        return new ContactRecord(
                id,
                tenant,
                toUsager != null ? toUsager : usager,
                toRequest != null ? toRequest : request,
                channel,
                direction,
                subject,
                summary,
                recordedBy != null ? recordedBy : by,
                occurredAt,
                recordedAt,
                ContactStatus.TRIAGED,
                reason,
                documentRefs,
                externalRef);
    }
}
