package org.opengru.scheduling.postgres;

import static org.opengru.core.rgpd.DataMap.Content.PERSONAL;
import static org.opengru.core.rgpd.DataMap.Content.PSEUDONYMOUS;
import static org.opengru.core.rgpd.DataMap.Content.TECHNICAL;
import static org.opengru.core.rgpd.DataMap.column;

import java.util.List;
import org.opengru.core.rgpd.DataMap;

/** gru-scheduling's share of the {@link DataMap}: the tables of {@code classpath:db/opengru/scheduling}. */
public final class SchedulingDataMap {

    private static final String MODULE = "gru-scheduling";
    private static final String NOT_A_REQUEST = "untouched: appointments are not part of a request's file";

    private SchedulingDataMap() {}

    /**
     * The personal-data map of gru-scheduling's tables: what each column holds, how long it is kept, what the
     * RGPD purge, erasure and subject access export do with it (docs/rgpd.md is generated from it).
     *
     * @return the tables, one entry per table
     */
    public static DataMap map() {
        return new DataMap(List.of(
                DataMap.table(
                        MODULE,
                        "scheduling_booking",
                        "appointments (rendez-vous) and holds; the agenda of each desk",
                        "until the usager's erasure; the agenda keeps that a desk was taken, not by whom",
                        NOT_A_REQUEST,
                        "appointments ahead cancelled, then every booking detached: a random id in place of the"
                                + " usager's, no ANTS number, idempotency key nor cancellation reason",
                        "appointments",
                        column("usager_id", PSEUDONYMOUS, "who booked"),
                        column("ants_number", PERSONAL, "the ANTS pre-application number"),
                        column("cancel_reason", PERSONAL, "why it was cancelled (free text)"),
                        column("idempotency_key", TECHNICAL, "the client's idempotency key"),
                        column("cancel_token_hash", TECHNICAL, "the hash of the cancellation link's secret"),
                        column("site_id", TECHNICAL, "the site"),
                        column("service_id", TECHNICAL, "the service"),
                        column("resource_id", TECHNICAL, "the desk"),
                        column("status", TECHNICAL, "the state"),
                        column("audit_head", TECHNICAL, "the hash of its log's last event")),
                DataMap.table(
                        MODULE,
                        "scheduling_booking_event",
                        "the log of each booking: one hash-chained event per change (its trail and its events)",
                        "as its booking",
                        NOT_A_REQUEST,
                        "kept, chained: pseudonymous actors that no longer lead to anyone once the identity is"
                                + " erased; the agent's note cleared (its digest stays in the chain); the booking"
                                + " itself is detached",
                        "appointments (trail)",
                        column("actor", PSEUDONYMOUS, "who acted (kind and id)"),
                        column("detail", PERSONAL, "the agent's note on the change (free text)"),
                        column("detail_sha256", TECHNICAL, "the note's digest, chained in its place"),
                        column("action", TECHNICAL, "the action"),
                        column("kind", TECHNICAL, "the event's kind"),
                        column("from_status", TECHNICAL, "the state before"),
                        column("to_status", TECHNICAL, "the state after"),
                        column("service_id", TECHNICAL, "the service"),
                        column("resource_id", TECHNICAL, "the desk after the change"),
                        column("previous_hash", TECHNICAL, "the previous event's hash"),
                        column("hash", TECHNICAL, "the chain's hash")),
                DataMap.table(
                        MODULE,
                        "scheduling_booking_delivery",
                        "how far each webhook subscriber has received each booking's events (the relay's cursor)",
                        "as its booking",
                        NOT_A_REQUEST,
                        "kept (the booking's place in the feed, no personal data); the receiver's last error cleared"
                                + " when the booking is detached",
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (free text from the receiver)"),
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_booking_delivery_feed",
                        "how far each webhook subscriber has read each collectivité's booking log",
                        "as the subscriber",
                        NOT_A_REQUEST,
                        "kept: no personal data",
                        "not exported: technical",
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_booking_dead_letter",
                        "booking events a webhook subscriber refused for good, until retried",
                        "a dead letter until retried or its documented limit",
                        NOT_A_REQUEST,
                        "kept; the receiver's last error cleared when the booking is detached",
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (free text from the receiver)"),
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_reservation",
                        "reservations of rooms and equipment; the agenda of each",
                        "until the usager's erasure; the agenda keeps that the room was taken, not by whom",
                        NOT_A_REQUEST,
                        "reservations ahead cancelled (a paid one goes to refund due and stays until refunded), then"
                                + " detached: a random id in place of the usager's, no pieces' references nor reason",
                        "reservations",
                        column("usager_id", PSEUDONYMOUS, "for whom"),
                        column("piece_refs", PERSONAL, "references of the pieces provided (insurance certificate...)"),
                        column("decision_reason", PERSONAL, "why it was refused or cancelled (free text)"),
                        column("payment_reference", PSEUDONYMOUS, "the payment's reference at the provider"),
                        column("reservable_id", TECHNICAL, "the room or equipment"),
                        column("category", TECHNICAL, "the tariff category"),
                        column("status", TECHNICAL, "the state"),
                        column("required_pieces", TECHNICAL, "the piece codes required"),
                        column("piece_codes", TECHNICAL, "the piece codes provided"),
                        column("deposit_in_payment", TECHNICAL, "whether the deposit is paid online with the price"),
                        column(
                                "deposit_status",
                                TECHNICAL,
                                "the deposit's state: due, held, return due, returned," + " kept"),
                        column("audit_head", TECHNICAL, "the hash of its log's last event")),
                DataMap.table(
                        MODULE,
                        "scheduling_event_session",
                        "sessions of events with limited places",
                        "as configured by the collectivité",
                        NOT_A_REQUEST,
                        "untouched: names no one",
                        "not exported: names no one",
                        column("id", TECHNICAL, "the session's code"),
                        column("event_id", TECHNICAL, "the event's code"),
                        column("title", TECHNICAL, "the session's title"),
                        column("teams", TECHNICAL, "the teams managing it")),
                DataMap.table(
                        MODULE,
                        "scheduling_registration",
                        "registrations to event sessions and their waiting lists",
                        "until the usager's erasure",
                        NOT_A_REQUEST,
                        "active registrations cancelled (the place goes to the next person), then detached: random"
                                + " ids in place of the participant's and the registering usager's",
                        "registrations",
                        column("participant_id", PSEUDONYMOUS, "who takes part (a child, for instance)"),
                        column("registered_by", PSEUDONYMOUS, "who registered them (a parent)"),
                        column("payment_reference", PSEUDONYMOUS, "the payment's reference at the provider"),
                        column("session_id", TECHNICAL, "the session"),
                        column("event_id", TECHNICAL, "the event"),
                        column("status", TECHNICAL, "the state"),
                        column("audit_head", TECHNICAL, "the hash of its log's last event")),
                DataMap.table(
                        MODULE,
                        "scheduling_booking_payment",
                        "the payments paying appointments wait for",
                        "until the usager's erasure",
                        NOT_A_REQUEST,
                        "detached (a random id in place of the usager's), except a refund still due to them",
                        "appointments (payments)",
                        column("usager_id", PSEUDONYMOUS, "who pays"),
                        column("payment_reference", PSEUDONYMOUS, "the payment's reference at the provider"),
                        column("status", TECHNICAL, "the state"),
                        column("audit_head", TECHNICAL, "the hash of its log's last event")),
                DataMap.table(
                        MODULE,
                        "scheduling_item_event",
                        "the log of each reservation, registration and booking payment: one hash-chained event per"
                                + " change (its trail and its webhook events); scheduling_item_trail until V11",
                        "as its item",
                        NOT_A_REQUEST,
                        "kept, chained: pseudonymous actors; free-text details cleared when the item is detached"
                                + " (their digests stay in the chain; payment references stay, for the accounts)",
                        "reservations and registrations (trail)",
                        column("actor", PSEUDONYMOUS, "who acted (kind and id)"),
                        column("detail", PERSONAL, "a reason, a piece's or payment's reference (free text)"),
                        column("detail_sha256", TECHNICAL, "the detail's digest, chained in its place"),
                        column("item_type", TECHNICAL, "reservation, registration or booking_payment"),
                        column("action", TECHNICAL, "the action"),
                        column("kind", TECHNICAL, "the webhook event's kind, when the change is told"),
                        column("event", TECHNICAL, "the webhook event: ids, times, states (no personal data)"),
                        column("event_type", TECHNICAL, "the webhook event's type"),
                        column("previous_hash", TECHNICAL, "the previous event's hash"),
                        column("hash", TECHNICAL, "this event's hash"),
                        column("from_status", TECHNICAL, "the state before"),
                        column("to_status", TECHNICAL, "the state after")),
                DataMap.table(
                        MODULE,
                        "scheduling_reservation_delivery",
                        "how far each webhook subscriber has received each reservation's events (the relay's cursor)",
                        "as its reservation",
                        NOT_A_REQUEST,
                        "kept (the reservation's place in the feed, no personal data); the receiver's last error"
                                + " cleared when the reservation is detached",
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (free text from the receiver)"),
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_reservation_delivery_feed",
                        "how far each webhook subscriber has read each collectivité's reservation log",
                        "as the subscriber",
                        NOT_A_REQUEST,
                        "kept: no personal data",
                        "not exported: technical",
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_reservation_dead_letter",
                        "reservation events a webhook subscriber refused for good, until retried",
                        "a dead letter until retried or its documented limit",
                        NOT_A_REQUEST,
                        "kept; the receiver's last error cleared when the reservation is detached",
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (free text from the receiver)"),
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_registration_delivery",
                        "how far each webhook subscriber has received each registration's events (the relay's cursor)",
                        "as its registration",
                        NOT_A_REQUEST,
                        "kept (the registration's place in the feed, no personal data); the receiver's last error"
                                + " cleared when the registration is detached",
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (free text from the receiver)"),
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_registration_delivery_feed",
                        "how far each webhook subscriber has read each collectivité's registration log",
                        "as the subscriber",
                        NOT_A_REQUEST,
                        "kept: no personal data",
                        "not exported: technical",
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_registration_dead_letter",
                        "registration events a webhook subscriber refused for good, until retried",
                        "a dead letter until retried or its documented limit",
                        NOT_A_REQUEST,
                        "kept; the receiver's last error cleared when the registration is detached",
                        "not exported: technical",
                        column("last_error", PERSONAL, "the receiver's last error (free text from the receiver)"),
                        column("subscriber", TECHNICAL, "the receiver")),
                DataMap.table(
                        MODULE,
                        "scheduling_waiting",
                        "waiting lists for full services",
                        "until booked, left, or the dates wanted have passed",
                        NOT_A_REQUEST,
                        "deleted (a pending offer goes to the next person)",
                        "appointments (waiting lists)",
                        column("usager_id", PSEUDONYMOUS, "who waits"),
                        column("site_id", TECHNICAL, "the site"),
                        column("service_id", TECHNICAL, "the service")),
                DataMap.table(
                        MODULE,
                        "scheduling_rate_limit",
                        "counters against booking floods",
                        "one window (minutes); the row is reset at the next window",
                        NOT_A_REQUEST,
                        "untouched: reset within minutes",
                        "not exported: a counter",
                        column("identity", PSEUDONYMOUS, "the usager id or network address counted"),
                        column("scope", TECHNICAL, "the limiter"))));
    }
}
