package org.opengru.spring;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentVault;

/** The documented minimal properties of one commune, and a request driven through the beans. */
public final class TestTenant {

    public static final TenantId TENANT = TenantId.of("saint-martin");

    /** Monday 2 March 2026, 08:00 in Paris. */
    public static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");

    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Exactly the properties docs/spring-boot.md shows for a first application. */
    public static final String[] PROPERTIES = {
        "gru.tenants.saint-martin.name=Mairie de Saint-Martin",
        "gru.tenants.saint-martin.contact.service=Accueil de la mairie",
        "gru.tenants.saint-martin.contact.postal-address=1 place de la Mairie",
        "gru.tenants.saint-martin.contact.postal-code=37000",
        "gru.tenants.saint-martin.contact.city=Saint-Martin",
        "gru.tenants.saint-martin.contact.email=accueil@saint-martin.fr",
        "gru.tenants.saint-martin.contact.phone=02 47 00 00 00",
        "gru.tenants.saint-martin.procedures=classpath:gru/procedures/*.yaml",
        "gru.tenants.saint-martin.scheduling.sites.mairie.name=Mairie de Saint-Martin",
        "gru.tenants.saint-martin.scheduling.sites.mairie.hours.monday=08:30-12:00,13:30-17:00",
        "gru.tenants.saint-martin.scheduling.sites.mairie.hours.tuesday=08:30-12:00",
        "gru.tenants.saint-martin.scheduling.sites.mairie.desks.guichet-1=Guichet 1",
        "gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.name=Passeport",
        "gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.duration=20m",
        "gru.tenants.saint-martin.scheduling.sites.mairie.services.passeport.step=10m",
        "gru.documents.master-key=" + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    };

    private TestTenant() {}

    /** Stores a small real PNG as the resident's proof of address. */
    public static Document storeDocument(DocumentVault vault, UsagerPrincipal resident) {
        byte[] png = png();
        return vault.upload(
                resident,
                resident.usager(),
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(10)),
                Channel.WEB,
                UploadRequest.of("facture-edf.png").withDeclaredSize(png.length),
                new ByteArrayInputStream(png));
    }

    /** A 64 x 48 PNG written by ImageIO. */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A resident known to the usager store. */
    public static UsagerPrincipal resident(UsagerStore usagers) {
        UsagerId id = UsagerId.of(UUID.randomUUID());
        usagers.save(Person.declared(id, TENANT, "Martin", List.of("Léa"), Contact.none(), NOW));
        return Principal.usager(TENANT, id);
    }

    /** An agent of the team the test démarche routes to. */
    public static AgentPrincipal agent() {
        return Principal.agent(TENANT, AgentId.of("jdupont"), java.util.Set.of(TeamId.of("enfance")));
    }

    /** Files, submits, reviews and accepts a cantine registration; returns the decided request. */
    public static Request submitToDecision(RequestService requests, UsagerStore usagers) {
        return submitToDecision(requests, resident(usagers));
    }

    /** Files, submits, reviews and accepts a cantine registration of {@code resident}; returns it decided. */
    public static Request submitToDecision(RequestService requests, UsagerPrincipal resident) {
        Request draft = requests.create(
                resident,
                NewRequest.of(
                        "inscription-cantine",
                        resident.usager(),
                        Channel.WEB,
                        FormData.of("enfant", "Martin Léo", "ecole", "École Jules Ferry")),
                null);
        Request submitted = requests.submit(resident, draft.id(), null);
        requests.startReview(agent(), submitted.id(), null);
        return requests.accept(agent(), submitted.id(), null);
    }
}
