package org.opengru.scheduling.reservation;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * A reservation of a room or equipment over {@code [start, end)}. {@code priceCents} is the amount due
 * (the tariff of its category), {@code depositCents} the deposit (caution) asked besides; the pieces it
 * requires are listed by code, those provided map a code to the document's reference (in gru-documents
 * or elsewhere: this module keeps the reference only). {@code version} counts its changes, one trail entry
 * each.
 */
public record Reservation(
        ReservationId id,
        TenantId tenant,
        ReservableId reservable,
        UsagerId usager,
        UsagerCategory category,
        Instant start,
        Instant end,
        ReservationStatus status,
        long priceCents,
        long depositCents,
        Set<String> requiredPieces,
        Map<String, String> providedPieces,
        @Nullable Instant holdExpiresAt,
        @Nullable String paymentReference,
        @Nullable String decisionReason,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    public Reservation {
        requiredPieces = Set.copyOf(requiredPieces);
        providedPieces = Map.copyOf(providedPieces);
    }

    /** The required pieces not yet provided. */
    public Set<String> missingPieces() {
        return requiredPieces.stream()
                .filter(p -> !providedPieces.containsKey(p))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Whether a payment was received for it. */
    public boolean paid() {
        return paymentReference != null;
    }

    /** The same reservation after a change: new status, hold, payment and reason, one version more. */
    public Reservation next(
            ReservationStatus status,
            @Nullable Instant holdExpiresAt,
            @Nullable String paymentReference,
            @Nullable String decisionReason,
            Instant at) {
        return copy(status, providedPieces, holdExpiresAt, paymentReference, decisionReason, at);
    }

    /** The same reservation with one more piece provided, one version more. */
    public Reservation withPiece(String code, String documentReference, Instant at) {
        Map<String, String> pieces = new TreeMap<>(providedPieces);
        pieces.put(code, documentReference);
        return copy(status, pieces, holdExpiresAt, paymentReference, decisionReason, at);
    }

    private Reservation copy(
            ReservationStatus status,
            Map<String, String> pieces,
            @Nullable Instant holdExpiresAt,
            @Nullable String paymentReference,
            @Nullable String decisionReason,
            Instant at) {
        return new Reservation(
                id,
                tenant,
                reservable,
                usager,
                category,
                start,
                end,
                status,
                priceCents,
                depositCents,
                requiredPieces,
                pieces,
                holdExpiresAt,
                paymentReference,
                decisionReason,
                version + 1,
                createdAt,
                at);
    }
}
