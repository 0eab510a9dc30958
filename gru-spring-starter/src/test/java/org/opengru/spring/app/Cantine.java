package org.opengru.spring.app;

import org.opengru.core.catalogue.FormData;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.scheduling.booking.BookingService;
import org.springframework.stereotype.Service;

/** The application's own bean of docs/spring-boot.md, "A first application"; MinimalApplicationTest runs it. */
// tag::service[]
@Service
class Cantine {
    private final RequestService requests;
    private final BookingService bookings;
    private final DocumentVault vault;

    Cantine(RequestService requests, BookingService bookings, DocumentVault vault) {
        this.requests = requests;
        this.bookings = bookings;
        this.vault = vault;
    }

    Request file(UsagerPrincipal resident, FormData data) {
        Request draft = requests.create(
                resident, NewRequest.of("inscription-cantine", resident.usager(), Channel.WEB, data), null);
        return requests.submit(resident, draft.id(), null); // accusé de réception issued here
    }
}
// end::service[]
