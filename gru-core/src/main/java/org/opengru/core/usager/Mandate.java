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
        LEGAL_GUARDIAN,
        ASSOCIATION_REPRESENTATIVE,
        COMPANY_REPRESENTATIVE,
        POWER_OF_ATTORNEY
    }

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

    /** Whether the mandate is in force at that instant. */
    public boolean activeAt(Instant at) {
        return !at.isBefore(validFrom)
                && (validUntil == null || at.isBefore(validUntil))
                && (revokedAt == null || at.isBefore(revokedAt));
    }

    /** This mandate revoked at that instant. */
    public Mandate revoke(Instant at) {
        return new Mandate(id, tenant, represented, representative, kind, validFrom, validUntil, at);
    }
}
