package org.opengru.scheduling.postgres;

import static org.opengru.scheduling.postgres.ChainEncoding.field;
import static org.opengru.scheduling.postgres.ChainEncoding.micros;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditHashes;

/**
 * The booking log's hash chain (migration V8): SHA-256 over a length-prefixed encoding of the event
 * (version tag, collectivité, booking, position, event id, action, kind, actor, time, statuses, service,
 * desk, start, the detail's digest) and the previous event's hash. PostgreSQL computes it inside each
 * booking statement ({@code scheduling_booking_event_hash}), where the previous hash sits on the locked
 * booking row; this class computes the same to verify, and is published so that an auditor can re-check a
 * trail without OpenGRU. The encoding is chosen to read alike in both: each field's length is its UTF-8
 * byte count, times are microseconds since the epoch, an absent value is {@code "-;"}.
 */
public final class BookingEventHashes {

    /** The "previous hash" of the first event of every chain. */
    public static final String GENESIS = AuditHashes.GENESIS;

    private BookingEventHashes() {}

    /**
     * The hash of one event, lower-case hex.
     *
     * @param tenant the collectivité
     * @param booking the booking
     * @param position the event's position (the booking's sequence after the change)
     * @param eventId the event's id
     * @param action the audit action ({@code insert}, {@code cancel_by_agent}...)
     * @param kind the event's kind ({@code BOOKED}, {@code CANCELLED}...)
     * @param actor who acted, pseudonymous
     * @param occurredAt when, as stored (microseconds)
     * @param from the status before, or {@code null} at creation
     * @param to the status after
     * @param service the service
     * @param resource the desk after the change
     * @param startsAt the appointment's start after the change
     * @param detailSha256 the digest of the detail ({@link #digest}), or {@code null} without one
     * @param previousHash the previous event's hash, or {@link #GENESIS}
     * @return the hash
     */
    public static String hash(
            String tenant,
            UUID booking,
            int position,
            UUID eventId,
            String action,
            String kind,
            String actor,
            Instant occurredAt,
            @Nullable String from,
            String to,
            String service,
            String resource,
            Instant startsAt,
            @Nullable String detailSha256,
            String previousHash) {
        StringBuilder sb = new StringBuilder(512);
        field(sb, "gru-booking-event-v1");
        field(sb, tenant);
        field(sb, booking.toString());
        field(sb, Integer.toString(position));
        field(sb, eventId.toString());
        field(sb, action);
        field(sb, kind);
        field(sb, actor);
        field(sb, micros(occurredAt));
        field(sb, from);
        field(sb, to);
        field(sb, service);
        field(sb, resource);
        field(sb, micros(startsAt));
        field(sb, detailSha256);
        field(sb, previousHash);
        return AuditHashes.sha256(sb.toString());
    }

    /**
     * The digest chained in place of a personal detail: SHA-256 of its UTF-8 text, lower-case hex.
     *
     * @param detail the detail
     * @return the digest
     */
    public static String digest(String detail) {
        return AuditHashes.sha256(detail);
    }
}
