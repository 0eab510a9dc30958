package org.opengru.examples.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;

/** Requests and appointments made through the library, for the browser tests of the agents' desk and the follow-up. */
final class DeskFixtures {

    static final UsagerPrincipal CLAIRE = new UsagerPrincipal(Commune.TENANT, DemoPeople.CLAIRE);
    static final AgentPrincipal JEANNE =
            new AgentPrincipal(Commune.TENANT, DemoPeople.JEANNE, Set.of(Commune.ETAT_CIVIL));

    private DeskFixtures() {}

    /** Claire's passport request, received (no piece needed). */
    static Request passportRequest(GruCore core) {
        Request draft = core.requests()
                .create(
                        CLAIRE,
                        NewRequest.of(
                                Commune.PASSEPORT,
                                DemoPeople.CLAIRE,
                                Channel.WEB,
                                FormData.of("numeroPredemande", "AB12345678")),
                        IdempotencyKey.of("test-" + UUID.randomUUID()));
        return core.requests().submit(CLAIRE, draft.id(), null);
    }

    /** The town hall writes to the resident about the request. */
    static void messageFromTheTownHall(GruCore core, Request r, String body) {
        core.exchanges().post(JEANNE, r.id(), Visibility.SHARED, body, List.of(), Channel.WEB, null);
    }

    /** A civil-status appointment a few days ahead, for {@code usager}. */
    static BookingResult.Booked booking(BookingService bookings, UsagerId usager) {
        LocalDate from = LocalDate.now(Commune.ZONE).plusDays(3);
        List<Slot> slots = bookings.availability(
                Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_ETAT_CIVIL, from, from.plusDays(20), 1);
        for (int i = slots.size() - 1; i >= 0; i--) {
            if (bookings.book(BookingRequest.online(
                            Commune.TENANT,
                            Commune.HOTEL_DE_VILLE,
                            Commune.SERVICE_ETAT_CIVIL,
                            slots.get(i).start(),
                            usager))
                    instanceof BookingResult.Booked booked) {
                return booked;
            }
        }
        throw new AssertionError("no free civil-status slot to book");
    }
}
