package org.opengru.scheduling.reservation;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * A reservation of a room or equipment over {@code [start, end)}. {@code priceCents} is the price (the
 * tariff of its category), {@code depositCents} the deposit (caution) asked besides, paid with the price
 * when {@code depositInPayment} ({@link #amountDueCents()}) and followed in {@code deposit}; the pieces it
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
        boolean depositInPayment,
        DepositStatus deposit,
        Set<String> requiredPieces,
        Map<String, String> providedPieces,
        @Nullable Instant holdExpiresAt,
        @Nullable String paymentReference,
        @Nullable String decisionReason,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Copies the pieces, so that the record cannot change.
     *
     * @param id the reservation
     * @param tenant the collectivité
     * @param reservable what is reserved
     * @param usager who reserves
     * @param category the category it is priced as
     * @param start the start, inclusive
     * @param end the end, exclusive
     * @param status where it stands
     * @param priceCents the amount due in euro cents
     * @param depositCents the deposit (caution) asked besides, in euro cents
     * @param depositInPayment whether the deposit is paid with the price ({@link #amountDueCents()}), as the
     *     reservable's rules say; else the commune takes it apart
     * @param deposit where the deposit stands ({@link DepositStatus#NONE} when none is asked)
     * @param requiredPieces the codes of the pieces required
     * @param providedPieces the pieces provided: code to document reference
     * @param holdExpiresAt when an approved, unpaid reservation releases its period; {@code null} otherwise
     * @param paymentReference the provider's reference of the payment, {@code null} while unpaid
     * @param decisionReason the agent's reason for a rejection or cancellation, {@code null} when none
     * @param version how many changes it had
     * @param createdAt when it was asked for
     * @param updatedAt when it last changed
     */
    public Reservation {
        requiredPieces = Set.copyOf(requiredPieces);
        providedPieces = Map.copyOf(providedPieces);
    }

    /**
     * The required pieces not yet provided.
     *
     * @return their codes, sorted
     */
    public Set<String> missingPieces() {
        return requiredPieces.stream()
                .filter(p -> !providedPieces.containsKey(p))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * What the resident pays online: the price, plus the deposit when the reservable's rules put it in the
     * payment.
     *
     * @return the amount in euro cents
     */
    public long amountDueCents() {
        return priceCents + (depositInPayment ? depositCents : 0);
    }

    /**
     * The same reservation with its deposit in another state, same version (to be written with the change
     * it is part of).
     *
     * @param status the deposit's new state
     * @return a new record; this one is unchanged
     */
    public Reservation withDeposit(DepositStatus status) {
        return copy(
                this.status,
                providedPieces,
                holdExpiresAt,
                paymentReference,
                decisionReason,
                status,
                version,
                updatedAt);
    }

    /**
     * Whether a payment was received for it.
     *
     * @return {@code true} when the provider's reference is known
     */
    public boolean paid() {
        return paymentReference != null;
    }

    /**
     * The same reservation after a change: new status, hold, payment and reason, one version more (the
     * store's optimistic check compares versions).
     *
     * @param status the new status
     * @param holdExpiresAt when the period held for payment is released, {@code null} when none is held
     * @param paymentReference the provider's reference, {@code null} while unpaid
     * @param decisionReason the agent's reason, {@code null} when none
     * @param at when the change happened
     * @return a new record; this one is unchanged
     */
    public Reservation next(
            ReservationStatus status,
            @Nullable Instant holdExpiresAt,
            @Nullable String paymentReference,
            @Nullable String decisionReason,
            Instant at) {
        return copy(status, providedPieces, holdExpiresAt, paymentReference, decisionReason, deposit, version + 1, at);
    }

    /**
     * The same reservation with one more piece provided, one version more.
     *
     * @param code the piece's code
     * @param documentReference the document's reference (this module keeps the reference only)
     * @param at when it was provided
     * @return a new record; this one is unchanged
     */
    public Reservation withPiece(String code, String documentReference, Instant at) {
        Map<String, String> pieces = new TreeMap<>(providedPieces);
        pieces.put(code, documentReference);
        return copy(status, pieces, holdExpiresAt, paymentReference, decisionReason, deposit, version + 1, at);
    }

    private Reservation copy(
            ReservationStatus status,
            Map<String, String> pieces,
            @Nullable Instant holdExpiresAt,
            @Nullable String paymentReference,
            @Nullable String decisionReason,
            DepositStatus deposit,
            int version,
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
                depositInPayment,
                deposit,
                requiredPieces,
                pieces,
                holdExpiresAt,
                paymentReference,
                decisionReason,
                version,
                createdAt,
                at);
    }
}
