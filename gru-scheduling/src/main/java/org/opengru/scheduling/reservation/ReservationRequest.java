package org.opengru.scheduling.reservation;

import java.time.Instant;
import java.util.Map;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;

/**
 * A request to reserve {@code reservable} over {@code [start, end)} for {@code usager} (a person, a
 * household, an association or a company, priced as {@code category}), with the pieces already provided
 * (code to document reference).
 */
public record ReservationRequest(
        TenantId tenant,
        ReservableId reservable,
        UsagerId usager,
        UsagerCategory category,
        Instant start,
        Instant end,
        Map<String, String> providedPieces) {

    /**
     * Checks that every field is present; the service checks the period against the reservable's rules.
     *
     * @param tenant the collectivité
     * @param reservable what to reserve
     * @param usager who reserves
     * @param category the category it is priced as
     * @param start the start, inclusive
     * @param end the end, exclusive
     * @param providedPieces the pieces already provided: code to document reference, copied
     * @throws org.opengru.core.error.ValidationException naming the missing field
     */
    public ReservationRequest {
        Check.required("tenant", tenant);
        Check.required("reservable", reservable);
        Check.required("usager", usager);
        Check.required("category", category);
        Check.required("start", start);
        Check.required("end", end);
        providedPieces = Map.copyOf(Check.required("providedPieces", providedPieces));
    }
}
