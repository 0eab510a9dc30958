package org.opengru.core.rgpd;

import static org.opengru.core.rgpd.DataMap.Content.PERSONAL;
import static org.opengru.core.rgpd.DataMap.Content.PSEUDONYMOUS;
import static org.opengru.core.rgpd.DataMap.Content.TECHNICAL;
import static org.opengru.core.rgpd.DataMap.column;

import java.util.List;

/** gru-core's share of the {@link DataMap}: the tables of {@code classpath:db/opengru/core}. */
public final class CoreDataMap {

    /** The legal basis of the request file's retention (the démarche's own period). */
    public static final String REQUEST_PERIOD = "as the request: its démarche's retention from closure (active, then"
            + " intermediate archive), set in the commune's register of processing activities (art. 5.1.e, 30 RGPD)";

    private static final String MODULE = "gru-core";
    private static final String PURGED_WITH_REQUEST = "purge: deleted; anonymisation: deleted";
    private static final String ERASED_WITH_DRAFTS = "deleted with the usager's drafts; erasure is refused while a"
            + " received request is under retention (art. 17.3.b RGPD)";

    private CoreDataMap() {}

    /**
     * gru-core's tables, each column of personal data with its purpose, retention and lifecycle.
     *
     * @return the map
     */
    public static DataMap map() {
        return new DataMap(List.of(
                DataMap.table(
                        MODULE,
                        "gru_request",
                        "the request (démarche) itself: form data, pieces, acknowledgment, decision",
                        REQUEST_PERIOD,
                        "purge: deleted; anonymisation: applicant and beneficiary replaced by the nil id, form data,"
                                + " pieces and acknowledgment removed; procedure, team, dates, status and outcome kept for"
                                + " statistics",
                        ERASED_WITH_DRAFTS,
                        "requests",
                        column(
                                "document",
                                PERSONAL,
                                "form data, pieces, applicant, deadline, decision and acknowledgment"),
                        column("applicant_id", PSEUDONYMOUS, "the applicant's usager id"),
                        column("beneficiary_id", PSEUDONYMOUS, "the beneficiary's usager id"),
                        column("reference", TECHNICAL, "the reference printed on the acknowledgment"),
                        column("procedure_code", TECHNICAL, "the démarche"),
                        column("team_id", TECHNICAL, "the team that handles it"),
                        column("status", TECHNICAL, "the lifecycle state"),
                        column("audit_head", TECHNICAL, "the hash of the audit chain's last entry (its anchor)")),
                DataMap.table(
                        MODULE,
                        "gru_request_event",
                        "the request's event log (since V17): each change once, read as its history, audit chain,"
                                + " timeline lines and idempotency replays",
                        "the payload and the usager link as the request; the chained part kept beyond it, never"
                                + " updated nor deleted: art. 5.2 and 32 RGPD (accountability, integrity of processing)",
                        "purge and anonymisation: payload and usager_id set to null; the chained part (pseudonymous"
                                + " ids, codes and digests) kept and still verifies",
                        "kept: the chained part holds no personal content; the actor ids no longer lead to anyone"
                                + " once the identity is erased; usager_id set to null (art. 5.2, 32 RGPD)",
                        "requests (history); timeline",
                        column("payload", PERSONAL, "the reason given to the usager (free text)"),
                        column("usager_id", PSEUDONYMOUS, "whose timeline shows the event"),
                        column("actor", PSEUDONYMOUS, "who acted (kind and id)"),
                        column(
                                "details",
                                PSEUDONYMOUS,
                                "ids, codes, states and SHA-256 of the payload's reason and message bodies"),
                        column("idempotency_key", TECHNICAL, "the client's idempotency key"),
                        column("fingerprint", TECHNICAL, "a hash of the command"),
                        column("type", TECHNICAL, "the action"),
                        column("channel", TECHNICAL, "the channel"),
                        column("previous_hash", TECHNICAL, "the chain"),
                        column("hash", TECHNICAL, "the chain")),
                DataMap.table(
                        MODULE,
                        "gru_delivery",
                        "how far each webhook subscriber has received each request's events (cursor)",
                        REQUEST_PERIOD,
                        PURGED_WITH_REQUEST,
                        ERASED_WITH_DRAFTS,
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (it may echo the payload)"),
                        column("request_id", PSEUDONYMOUS, "the request"),
                        column("subscriber", TECHNICAL, "the receiver"),
                        column("delivered_seq", TECHNICAL, "the last event done")),
                DataMap.table(
                        MODULE,
                        "gru_delivery_feed",
                        "how far each webhook subscriber has read each collectivité's event log",
                        "as the subscriber",
                        "kept: no personal data",
                        "kept: no personal data",
                        "not exported: technical",
                        column("subscriber", TECHNICAL, "the receiver"),
                        column("request_id", PSEUDONYMOUS, "the last request read")),
                DataMap.table(
                        MODULE,
                        "gru_dead_letter",
                        "events a webhook subscriber refused for good, until retried",
                        "a dead letter until retried or its documented limit",
                        PURGED_WITH_REQUEST,
                        ERASED_WITH_DRAFTS,
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (it may echo the payload)"),
                        column("request_id", PSEUDONYMOUS, "the request"),
                        column("event_id", TECHNICAL, "the event"),
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "gru_timeline",
                        "the usager's 360° timeline",
                        "as long as what each line is about (a request's lines go with it)",
                        "purge and anonymisation: the request's lines deleted",
                        "deleted",
                        "timeline",
                        column("summary", PERSONAL, "what happened, in words (reference, démarche, state)"),
                        column("usager_id", PSEUDONYMOUS, "whose timeline"),
                        column("subject_id", PSEUDONYMOUS, "the request or object the line is about"),
                        column("entry_id", TECHNICAL, "the line's id"),
                        column("module", TECHNICAL, "the module"),
                        column("kind", TECHNICAL, "the kind of line"),
                        column("channel", TECHNICAL, "the channel")),
                DataMap.table(
                        MODULE,
                        "gru_consent",
                        "the consent ledger (append-only): who agreed to what, when, which text version",
                        "as long as the processing it covers, then as proof: art. 7.1 RGPD",
                        "kept: codes only (purpose, text version, channel), no free text",
                        "kept: art. 7.1 RGPD, proof of consent and withdrawal; the usager id no longer leads to anyone"
                                + " once the identity is erased",
                        "consents",
                        column("usager_id", PSEUDONYMOUS, "who consented"),
                        column("purpose", TECHNICAL, "a purpose code (no free text)"),
                        column("text_version", TECHNICAL, "the version code of the text shown"),
                        column("channel", TECHNICAL, "the channel")),
                DataMap.table(
                        MODULE,
                        "gru_outbox",
                        "events for the logiciels métier and webhooks (at-least-once delivery)",
                        "the payload until delivered (then pruned to ids and a SHA-256); a dead letter's payload until"
                                + " retried or its documented limit",
                        PURGED_WITH_REQUEST + " (every event of the request's stream)",
                        ERASED_WITH_DRAFTS,
                        "not exported: copies of the requests section while undelivered",
                        column("payload", PERSONAL, "the event, with the request document until delivered"),
                        column("last_error", PERSONAL, "the receiver's last error (it may echo the payload)"),
                        column(
                                "aggregate_id",
                                PSEUDONYMOUS,
                                "the reservation's, registration's or paid hold's id (requests and bookings are"
                                        + " delivered from their logs)"),
                        column("subscriber", TECHNICAL, "the receiver"),
                        column("tenant_id", TECHNICAL, "the collectivité"),
                        column("aggregate_type", TECHNICAL, "the aggregate's kind"),
                        column("event_type", TECHNICAL, "the event type"),
                        column("status", TECHNICAL, "delivery state")),
                DataMap.table(
                        MODULE,
                        "gru_outbox_stream",
                        "the per-request event counter (order of delivery)",
                        REQUEST_PERIOD,
                        PURGED_WITH_REQUEST,
                        ERASED_WITH_DRAFTS,
                        "not exported: technical",
                        column("aggregate_id", PSEUDONYMOUS, "the request id"),
                        column("tenant_id", TECHNICAL, "the collectivité"),
                        column("aggregate_type", TECHNICAL, "request")),
                DataMap.table(
                        MODULE,
                        "gru_usager",
                        "the usager's identity, contact details and the provenance of each attribute",
                        "as long as the usager uses the service or a received request under retention names them",
                        "kept: the identity outlives one request",
                        "deleted once no received request under retention names them",
                        "usager",
                        column("document", PERSONAL, "names, birth, contact details, provenance"),
                        column("kind", TECHNICAL, "person or household")),
                DataMap.table(
                        MODULE,
                        "gru_household_member",
                        "who belongs to which household (foyer)",
                        "as gru_usager",
                        "kept",
                        "the usager's memberships deleted, the households rewritten without them",
                        "usager",
                        column("member_id", PSEUDONYMOUS, "the member's usager id"),
                        column("household_id", PSEUDONYMOUS, "the household's id")),
                DataMap.table(
                        MODULE,
                        "gru_mandate",
                        "who may act for whom (mandats, legal representation)",
                        "until revoked or expired, then as long as a request filed under it is kept",
                        "kept",
                        "the usager's mandates deleted (as representative and as represented)",
                        "usager (mandates)",
                        column("document", PERSONAL, "the two persons, the kind of mandate, its validity"),
                        column("representative_id", PSEUDONYMOUS, "who acts"),
                        column("represented_id", PSEUDONYMOUS, "for whom")),
                DataMap.table(
                        MODULE,
                        "gru_team",
                        "the commune's teams (services)",
                        "as long as the team exists (agents' professional details, not usagers')",
                        "untouched",
                        "untouched: no usager data",
                        "not exported: no usager data",
                        column("document", TECHNICAL, "the team's name, address, functional e-mail and phone"),
                        column("id", TECHNICAL, "the team's code")),
                DataMap.table(
                        MODULE,
                        "gru_procedure",
                        "the démarche catalogue",
                        "as long as the démarche is offered",
                        "untouched",
                        "untouched: no usager data",
                        "not exported: no usager data",
                        column("document", TECHNICAL, "the démarche's definition"),
                        column("code", TECHNICAL, "the démarche's code")),
                DataMap.table(
                        MODULE,
                        "gru_message",
                        "messages of a request's thread, both ways, and agents' internal notes",
                        REQUEST_PERIOD,
                        PURGED_WITH_REQUEST,
                        ERASED_WITH_DRAFTS,
                        "messages",
                        column("document", PERSONAL, "author, body, attachments' names and ids, visibility")),
                DataMap.table(
                        MODULE,
                        "gru_message_key",
                        "replays of a client's retried message",
                        REQUEST_PERIOD,
                        PURGED_WITH_REQUEST,
                        ERASED_WITH_DRAFTS,
                        "not exported: technical",
                        column("key", TECHNICAL, "the client's idempotency key"),
                        column("fingerprint", TECHNICAL, "a hash of the message")),
                DataMap.table(
                        MODULE,
                        "gru_read_receipt",
                        "who read which message when (accusés de lecture)",
                        REQUEST_PERIOD,
                        PURGED_WITH_REQUEST,
                        ERASED_WITH_DRAFTS,
                        "messages (readBy)",
                        column("reader", PSEUDONYMOUS, "who read (kind and id)")),
                DataMap.table(
                        MODULE,
                        "gru_notification",
                        "notifications sent to the usager (e-mail, SMS, letter, in-app) and their delivery",
                        "a request's notifications as the request; others until erasure",
                        "purge and anonymisation: the request's notifications deleted",
                        "deleted",
                        "notifications",
                        column(
                                "document",
                                PERSONAL,
                                "rendered texts, addresses, phone, attachments, delivery attempts"),
                        column("usager_id", PSEUDONYMOUS, "the recipient"),
                        column("provider_ids", PSEUDONYMOUS, "the providers' message ids (bounce matching)"),
                        column("kind", TECHNICAL, "the notice"),
                        column("appointment_id", TECHNICAL, "the appointment"),
                        column("appointment_status", TECHNICAL, "its state when noticed"),
                        column("status", TECHNICAL, "delivery state"),
                        column("channel", TECHNICAL, "the channel")),
                DataMap.table(
                        MODULE,
                        "gru_notification_preferences",
                        "how the usager wants to be told (channels, quiet hours, consented SMS)",
                        "until changed or erased",
                        "untouched",
                        "deleted",
                        "notifications (preferences)",
                        column("document", PERSONAL, "e-mail, phone, postal address, channels, quiet hours")),
                DataMap.table(
                        MODULE,
                        "gru_inbox",
                        "the usager's in-app messages",
                        "a request's items as the request; others until erasure",
                        "purge and anonymisation: the request's items deleted",
                        "deleted",
                        "notifications (inbox)",
                        column("title", PERSONAL, "the item's title"),
                        column("body", PERSONAL, "the item's text"),
                        column("usager_id", PSEUDONYMOUS, "the recipient"),
                        column("kind", TECHNICAL, "the notice")),
                DataMap.table(
                        MODULE,
                        "gru_contact",
                        "the contact log: calls, visits, mails in and out (relation usager)",
                        "a request's contacts as the request; others until erasure",
                        "purge and anonymisation: the request's contacts deleted",
                        "deleted",
                        "contacts",
                        column("subject", PERSONAL, "the subject"),
                        column("summary", PERSONAL, "what was said (free text)"),
                        column("reason", PERSONAL, "why it was quarantined or triaged"),
                        column("external_ref", PSEUDONYMOUS, "the mail's Message-ID"),
                        column("recorded_by", PSEUDONYMOUS, "the agent"),
                        column("document_refs", PSEUDONYMOUS, "the documents received with it"),
                        column("channel", TECHNICAL, "the channel"),
                        column("direction", TECHNICAL, "in or out"),
                        column("status", TECHNICAL, "triage state")),
                DataMap.table(
                        MODULE,
                        "gru_survey_invitation",
                        "satisfaction surveys offered after a démarche or appointment",
                        "until answered or expired, then as its answer",
                        "purge: deleted with its answer; anonymisation: detached from the usager",
                        "detached from the usager (the nil id), the answer's comment removed",
                        "satisfaction",
                        column("usager_id", PSEUDONYMOUS, "who was asked"),
                        column("subject_id", PSEUDONYMOUS, "the request or appointment"),
                        column("occasion", TECHNICAL, "after a request or an appointment"),
                        column("procedure_code", TECHNICAL, "the démarche"),
                        column("channel", TECHNICAL, "the channel")),
                DataMap.table(
                        MODULE,
                        "gru_survey_response",
                        "the answers (score for statistics, optional comment)",
                        "the score for statistics; the comment as the request",
                        "purge: deleted; anonymisation: comment removed, score kept",
                        "comment removed, score kept (anonymous)",
                        "satisfaction",
                        column("comment", PERSONAL, "the usager's comment (free text)"),
                        column("occasion", TECHNICAL, "after a request or an appointment"),
                        column("procedure_code", TECHNICAL, "the démarche"),
                        column("channel", TECHNICAL, "the channel")),
                DataMap.table(
                        MODULE,
                        "gru_scheduled_tasks",
                        "the periodic jobs shared by the nodes: next run, the node running it, last outcome",
                        "as long as the database",
                        "untouched",
                        "untouched: no personal data",
                        "not exported: no personal data",
                        column("task_name", TECHNICAL, "the job's name"),
                        column("task_instance", TECHNICAL, "always 'recurring'"),
                        column("task_data", TECHNICAL, "unused by OpenGRU's jobs (null)"),
                        column("picked_by", TECHNICAL, "the node running the job (host name and process id)")),
                DataMap.table(
                        MODULE,
                        "gru_schema_history",
                        "the migrations applied, per module",
                        "as long as the database",
                        "untouched",
                        "untouched: no personal data",
                        "not exported: no personal data",
                        column("module", TECHNICAL, "the module"),
                        column("description", TECHNICAL, "the migration"),
                        column("checksum", TECHNICAL, "its checksum"))));
    }
}
