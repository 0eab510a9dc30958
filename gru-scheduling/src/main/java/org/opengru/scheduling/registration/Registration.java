package org.opengru.scheduling.registration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * A participant's registration to a session. {@code registeredBy} is the usager who registered them
 * (a parent for a child; the participant themselves; absent when an agent did). {@code position} orders
 * the waiting list (assigned by the store, increasing). {@code priceCents} is the amount due.
 */
public record Registration(
        RegistrationId id,
        TenantId tenant,
        SessionId session,
        String event,
        UsagerId participant,
        @Nullable UsagerId registeredBy,
        RegistrationStatus status,
        long priceCents,
        @Nullable Instant holdExpiresAt,
        @Nullable String paymentReference,
        long position,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Whether a payment was received (its reference recorded).
     *
     * @return {@code true} when the provider's reference is known
     */
    public boolean paid() {
        return paymentReference != null;
    }

    /**
     * The same registration after a change, one version more (the store's optimistic check compares
     * versions).
     *
     * @param status the new status
     * @param holdExpiresAt when the place held for payment is released, {@code null} when no place is held
     * @param paymentReference the provider's reference, {@code null} while unpaid
     * @param at when the change happened
     * @return a new record; this one is unchanged
     */
    public Registration next(
            RegistrationStatus status, @Nullable Instant holdExpiresAt, @Nullable String paymentReference, Instant at) {
        return new Registration(
                id,
                tenant,
                session,
                event,
                participant,
                registeredBy,
                status,
                priceCents,
                holdExpiresAt,
                paymentReference,
                position,
                version + 1,
                createdAt,
                at);
    }
}
