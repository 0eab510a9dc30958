package org.opengru.core.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerStore;

/**
 * Agents record what happened outside the portal — a phone call, a counter visit, a postal letter —
 * against an usager or a request, and triage the e-mails that named no request, so that the 360° view
 * shows every exchange whatever the channel.
 */
public final class ContactService {

    private final ContactLog log;
    private final RequestStore requests;
    private final UsagerStore usagers;
    private final Clock clock;
    private final IdGenerator ids;

    /**
     * The service over the contact log; the request and usager stores check that a contact names only a
     * request or an usager that exists in the agent's collectivité.
     *
     * @param log where contacts are kept
     * @param requests the requests, looked up by id
     * @param usagers the usagers, looked up by id
     * @param clock the installation's clock (a contact dated in the future is refused)
     * @param ids the id generator
     */
    public ContactService(ContactLog log, RequestStore requests, UsagerStore usagers, Clock clock, IdGenerator ids) {
        this.log = Objects.requireNonNull(log, "log");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.usagers = Objects.requireNonNull(usagers, "usagers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * What an agent records.
     *
     * @param channel phone, counter, postal mail, e-mail or social network
     * @param direction who reached out
     * @param usager the usager it concerns, or {@code null} when it concerns a request
     * @param request the request it concerns, or {@code null}
     * @param subject its subject
     * @param summary what was said
     * @param occurredAt when it happened (not in the future)
     */
    public record Entry(
            Channel channel,
            Direction direction,
            @Nullable UsagerId usager,
            @Nullable RequestId request,
            String subject,
            String summary,
            Instant occurredAt) {}

    /**
     * Records a contact for the agent's tenant. Refused (nothing stored): a channel other than phone,
     * counter, postal mail, e-mail or social network; no usager and no request; a date in the future; a
     * request or an usager that does not exist in the agent's collectivité ({@link NotFoundException}).
     * A contact about a request without an usager is filed under the request's usager.
     *
     * @param agent the agent recording it
     * @param entry what happened
     * @return the contact recorded
     * @throws org.opengru.core.error.ValidationException naming the refused part of the entry
     * @throws NotFoundException when the request or usager does not exist in the agent's collectivité
     */
    public ContactRecord record(AgentPrincipal agent, Entry entry) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(entry, "entry");
        Instant now = clock.instant();
        if (entry.occurredAt() != null && entry.occurredAt().isAfter(now.plusSeconds(60))) {
            throw new ValidationException("contact.occurredAt", entry.occurredAt(), "must not be in the future");
        }
        if (entry.usager() == null && entry.request() == null) {
            throw new ValidationException("contact.usager", null, "name the usager or the request");
        }
        @Nullable UsagerId usager = existing(agent.tenant(), entry.usager(), entry.request());
        ContactRecord c = new ContactRecord(
                new ContactId(ids.nextUuid()),
                agent.tenant(),
                usager,
                entry.request(),
                entry.channel(),
                entry.direction(),
                entry.subject(),
                entry.summary(),
                agent.agent(),
                entry.occurredAt(),
                now,
                ContactStatus.RECORDED,
                null,
                List.of(),
                null);
        return log.add(c);
    }

    /**
     * Links a contact awaiting triage (or in quarantine, after an agent checked it, or an automatic mail an
     * agent judges to be more) to an usager and/or a request.
     *
     * @param agent the agent triaging
     * @param id the contact
     * @param usager the usager it concerns, or {@code null}
     * @param request the request it concerns, or {@code null}
     * @return the triaged contact
     * @throws NotFoundException when the contact, request or usager does not exist in the agent's collectivité
     */
    public ContactRecord triage(
            AgentPrincipal agent, ContactId id, @Nullable UsagerId usager, @Nullable RequestId request) {
        ContactRecord c =
                log.find(agent.tenant(), id).orElseThrow(() -> new NotFoundException("contact", id.toString()));
        if (!c.tenant().equals(agent.tenant())) {
            throw new AccessDeniedException(agent.toString(), "triage", "contact", id.toString());
        }
        if (c.status() != ContactStatus.TO_TRIAGE
                && c.status() != ContactStatus.QUARANTINED
                && c.status() != ContactStatus.AUTOMATIC) {
            throw new IllegalTransitionException(
                    "contact", id.toString(), c.status().name(), "triage", agent.toString(), "nothing to triage");
        }
        if (usager == null && request == null && c.usager() == null && c.request() == null) {
            throw new ValidationException("contact.usager", null, "name the usager or the request");
        }
        if (usager != null || request != null) {
            usager = existing(agent.tenant(), usager, request);
        }
        ContactRecord t = c.triaged(usager, request, agent.agent());
        log.update(t);
        return t;
    }

    /**
     * Checks that the named request and usager exist in the collectivité, and returns the usager the
     * contact is filed under (the request's own when none is named).
     */
    private @Nullable UsagerId existing(TenantId tenant, @Nullable UsagerId usager, @Nullable RequestId request) {
        if (usager != null && usagers.find(tenant, usager).isEmpty()) {
            throw new NotFoundException("usager", usager.toString());
        }
        if (request == null) {
            return usager;
        }
        Request r =
                requests.find(tenant, request).orElseThrow(() -> new NotFoundException("request", request.toString()));
        return usager != null ? usager : r.applicant();
    }

    /**
     * The usager's contacts, newest first.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param after the last contact of the previous page, or {@code null}
     * @param limit the most contacts to return
     * @return the page
     */
    public List<ContactRecord> ofUsager(TenantId tenant, UsagerId usager, @Nullable ContactRecord after, int limit) {
        return log.byUsager(tenant, usager, after, limit);
    }

    /**
     * The triage queue of the tenant.
     *
     * @param tenant the collectivité
     * @param limit the most contacts to return
     * @return the e-mails awaiting triage, oldest first
     */
    public List<ContactRecord> toTriage(TenantId tenant, int limit) {
        return log.withStatus(tenant, ContactStatus.TO_TRIAGE, limit);
    }

    /**
     * The quarantine of the tenant.
     *
     * @param tenant the collectivité
     * @param limit the most contacts to return
     * @return the quarantined contacts, oldest first
     */
    public List<ContactRecord> quarantine(TenantId tenant, int limit) {
        return log.withStatus(tenant, ContactStatus.QUARANTINED, limit);
    }

    /**
     * The auto-replies and delivery reports the mailbox received, kept out of request threads.
     *
     * @param tenant the collectivité
     * @param limit the most contacts to return
     * @return the automatic mails, oldest first
     */
    public List<ContactRecord> automatic(TenantId tenant, int limit) {
        return log.withStatus(tenant, ContactStatus.AUTOMATIC, limit);
    }
}
