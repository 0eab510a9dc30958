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
