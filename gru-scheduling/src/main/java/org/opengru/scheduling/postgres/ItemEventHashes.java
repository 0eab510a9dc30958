package org.opengru.scheduling.postgres;

import static org.opengru.scheduling.postgres.ChainEncoding.field;
import static org.opengru.scheduling.postgres.ChainEncoding.micros;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditHashes;

/**
 * The item log's hash chain (migration V11, reservations, registrations and booking payments): SHA-256
 * over a length-prefixed encoding of the event (version tag, collectivité, item type, item, position,
 * event id, action, kind, actor, time, statuses, webhook event type and text, the detail's digest) and the
 * previous event's hash. PostgreSQL computes it inside each change's one statement ({@code
 * scheduling_item_event_hash}), from the head that statement reads on the item row it writes; this class
 * computes the same to
 * verify, and is published so that an auditor can re-check a trail without OpenGRU. The encoding is the
 * booking log's ({@link BookingEventHashes}): each field's length is its UTF-8 byte count, times are
 * microseconds since the epoch, an absent value is {@code "-;"}.
 */
public final class ItemEventHashes {

    /** The "previous hash" of the first event of every chain. */
    public static final String GENESIS = AuditHashes.GENESIS;

    private ItemEventHashes() {}

    /**
     * The hash of one event, lower-case hex.
     *
     * @param tenant the collectivité
     * @param itemType {@code reservation}, {@code registration} or {@code booking_payment}
     * @param item the item
     * @param position the event's position (0 for the item's first)
     * @param eventId the event's id
     * @param action the trail's action ({@code request}, {@code approve}...)
     * @param kind the domain event's kind, or {@code null} for a change not told
     * @param actor who acted, pseudonymous
     * @param occurredAt when, as stored (microseconds)
     * @param from the status before, or {@code null} at creation
     * @param to the status after
     * @param eventType the webhook's event type, or {@code null}
     * @param event the webhook's event as stored (JSON text), or {@code null}
     * @param detailSha256 the digest of the detail ({@link #digest}), or {@code null} without one
     * @param previousHash the previous event's hash, or {@link #GENESIS}
     * @return the hash
     */
    public static String hash(
            String tenant,
            String itemType,
            UUID item,
            int position,
            UUID eventId,
            String action,
            @Nullable String kind,
            String actor,
            Instant occurredAt,
            @Nullable String from,
            String to,
            @Nullable String eventType,
            @Nullable String event,
            @Nullable String detailSha256,
            String previousHash) {
        StringBuilder sb = new StringBuilder(512);
        field(sb, "gru-item-event-v1");
        field(sb, tenant);
        field(sb, itemType);
        field(sb, item.toString());
        field(sb, Integer.toString(position));
        field(sb, eventId.toString());
        field(sb, action);
        field(sb, kind);
        field(sb, actor);
        field(sb, micros(occurredAt));
        field(sb, from);
        field(sb, to);
        field(sb, eventType);
        field(sb, event);
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
