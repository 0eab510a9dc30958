package org.opengru.scheduling.booking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * A request for an appointment at {@code start}, for {@code people} (a family takes consecutive slots).
 *
 * @param actor who asks, checked by {@link BookingService}: the usager themselves online, an agent of one of the
 *     site's teams on their behalf (then agents-only services are allowed), or the collectivité's system (jobs
 *     such as a lottery release); anyone else is refused with {@code AccessDeniedException}
 * @param antsNumber the ANTS pre-application number as typed, for services that require it
 * @param preferredDesk a desk to try first, if any
 */
public record BookingRequest(
        TenantId tenant,
        SiteId site,
        ServiceId service,
        Instant start,
        int people,
        UsagerId usager,
        Principal actor,
        @Nullable String antsNumber,
        @Nullable IdempotencyKey idempotencyKey,
        @Nullable ResourceId preferredDesk) {

    public BookingRequest {
        Check.required("tenant", tenant);
        Check.required("site", site);
        Check.required("service", service);
        Check.required("start", start);
        Check.required("usager", usager);
        Check.required("actor", actor);
    }

    /** A request made online by the usager, for one person. */
    public static BookingRequest online(
            TenantId tenant, SiteId site, ServiceId service, Instant start, UsagerId usager) {
        return new BookingRequest(
                tenant, site, service, start, 1, usager, Principal.usager(tenant, usager), null, null, null);
    }

    public BookingRequest withPeople(int n) {
        return new BookingRequest(
                tenant, site, service, start, n, usager, actor, antsNumber, idempotencyKey, preferredDesk);
    }

    public BookingRequest withAntsNumber(@Nullable String number) {
        return new BookingRequest(
                tenant, site, service, start, people, usager, actor, number, idempotencyKey, preferredDesk);
    }

    public BookingRequest withIdempotencyKey(@Nullable IdempotencyKey key) {
        return new BookingRequest(tenant, site, service, start, people, usager, actor, antsNumber, key, preferredDesk);
    }

    public BookingRequest withActor(Principal by) {
        return new BookingRequest(
                tenant, site, service, start, people, usager, by, antsNumber, idempotencyKey, preferredDesk);
    }

    public BookingRequest at(Instant newStart) {
        return new BookingRequest(
                tenant, site, service, newStart, people, usager, actor, antsNumber, idempotencyKey, preferredDesk);
    }
}
