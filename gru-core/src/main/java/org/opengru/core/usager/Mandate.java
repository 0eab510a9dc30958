package org.opengru.core.usager;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * A mandate (mandat): {@code representative} may act for {@code represented} between {@code validFrom}
 * and {@code validUntil} (open-ended when {@code null}), unless revoked. A parent for a child, a
 * president for their association, a manager for their company, a power of attorney.
 *
 * @param id the mandate's id
 * @param tenant the collectivité
 * @param represented the usager acted for
 * @param representative the usager who may act
 * @param kind why they may act
 * @param validFrom when the mandate starts
 * @param validUntil when it ends, or {@code null} when open-ended
 * @param revokedAt when it was revoked, or {@code null}
 */
public record Mandate(
        UUID id,
        TenantId tenant,
        UsagerId represented,
        UsagerId representative,
        Kind kind,
        Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable Instant revokedAt) {

    /** Why the representative may act. */
    public enum Kind {
        /** A parent or tutelle for a minor or a protected adult. */
        LEGAL_GUARDIAN,
        /** The president or a mandated member of an association. */
        ASSOCIATION_REPRESENTATIVE,
        /** The legal representative of a company (gérant, président). */
        COMPANY_REPRESENTATIVE,
        /** A procuration given by the usager. */
        POWER_OF_ATTORNEY
    }

    /**
     * Checks the parts: nobody represents themselves, and the end comes after the start.
     *
     * @param id the mandate's id
     * @param tenant the collectivité
     * @param represented the usager acted for
     * @param representative the usager who may act
     * @param kind why they may act
     * @param validFrom when the mandate starts
     * @param validUntil when it ends, or {@code null} when open-ended
     * @param revokedAt when it was revoked, or {@code null}
     * @throws org.opengru.core.error.ValidationException naming the bad part and its value
     */
    public Mandate {
        Checks.required("mandate.id", id);
        Checks.required("mandate.tenant", tenant);
        Checks.required("mandate.represented", represented);
        Checks.required("mandate.representative", representative);
        Checks.check(
                !represented.equals(representative),
                "mandate.representative",
                representative,
                "cannot represent themselves");
        Checks.required("mandate.kind", kind);
        Checks.required("mandate.validFrom", validFrom);
        if (validUntil != null) {
            Checks.check(
                    validUntil.isAfter(validFrom),
                    "mandate.validUntil",
                    validUntil,
                    "must be after validFrom " + validFrom);
        }
    }

    /**
     * Whether the mandate is in force at that instant.
     *
     * @param at the instant
     * @return {@code true} when started, not ended and not revoked at that instant
     */
    public boolean activeAt(Instant at) {
        return !at.isBefore(validFrom)
                && (validUntil == null || at.isBefore(validUntil))
                && (revokedAt == null || at.isBefore(revokedAt));
    }

    /**
     * This mandate revoked at that instant.
     *
     * @param at when it is revoked
     * @return the revoked mandate
     */
    public Mandate revoke(Instant at) {
        return new Mandate(id, tenant, represented, representative, kind, validFrom, validUntil, at);
    }
}
