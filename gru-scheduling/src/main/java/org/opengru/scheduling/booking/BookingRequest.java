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
 * @param tenant the collectivité
 * @param site the site
 * @param service the service (motif)
 * @param start the start
 * @param people how many people come together
 * @param usager the usager
 * @param idempotencyKey the key of the request that made it, or {@code null}
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

    /**
     * Checks the request.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param start the start
     * @param people how many people come together
     * @param usager the usager
     * @param actor who asks, checked by {@link BookingService}: the usager themselves online, an agent of one of the
     *     site's teams on their behalf (then agents-only services are allowed), or the collectivité's system (jobs such
     *     as a lottery release); anyone else is refused with {@code AccessDeniedException}
     * @param antsNumber the ANTS pre-application number as typed, for services that require it
     * @param idempotencyKey the key of the request that made it, or {@code null}
     * @param preferredDesk a desk to try first, if any
     * @throws org.opengru.core.error.ValidationException naming the missing field
     */
    public BookingRequest {
        Check.required("tenant", tenant);
        Check.required("site", site);
        Check.required("service", service);
        Check.required("start", start);
        Check.required("usager", usager);
        Check.required("actor", actor);
    }

    /**
     * A request made online by the usager, for one person.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param start the slot's start
     * @param usager the usager, who books for themselves
     * @return the request
     */
    public static BookingRequest online(
            TenantId tenant, SiteId site, ServiceId service, Instant start, UsagerId usager) {
        return new BookingRequest(
                tenant, site, service, start, 1, usager, Principal.usager(tenant, usager), null, null, null);
    }

    /**
     * A copy for a group coming together (a family for passports).
     *
     * @param n how many people
     * @return the copy
     */
    public BookingRequest withPeople(int n) {
        return new BookingRequest(
                tenant, site, service, start, n, usager, actor, antsNumber, idempotencyKey, preferredDesk);
    }

    /**
     * A copy with the ANTS pre-application number (passport, ID card).
     *
     * @param number the number, or {@code null}
     * @return the copy
     */
    public BookingRequest withAntsNumber(@Nullable String number) {
        return new BookingRequest(
                tenant, site, service, start, people, usager, actor, number, idempotencyKey, preferredDesk);
    }

    /**
     * A copy with an idempotency key: a retried request (a double click, a network retry) gets the first one's
     * booking instead of a second.
     *
     * @param key the key, or {@code null}
     * @return the copy
     */
    public BookingRequest withIdempotencyKey(@Nullable IdempotencyKey key) {
        return new BookingRequest(tenant, site, service, start, people, usager, actor, antsNumber, key, preferredDesk);
    }

    /**
     * A copy made by someone else (an agent at the counter or on the phone).
     *
     * @param by who books
     * @return the copy
     */
    public BookingRequest withActor(Principal by) {
        return new BookingRequest(
                tenant, site, service, start, people, usager, by, antsNumber, idempotencyKey, preferredDesk);
    }

    /**
     * A copy at another start.
     *
     * @param newStart the new start
     * @return the copy
     */
    public BookingRequest at(Instant newStart) {
        return new BookingRequest(
                tenant, site, service, newStart, people, usager, actor, antsNumber, idempotencyKey, preferredDesk);
    }
}
