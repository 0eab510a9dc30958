package org.opengru.examples.vendor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.opengru.core.GruCore;
import org.opengru.core.jdbc.PostgresJobScheduler;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.job.Job;
import org.opengru.core.job.JobScheduler;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Representations;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;

/**
 * The whole OpenGRU wiring of a vendor's product, in plain Java: gru-core, gru-documents and
 * gru-scheduling over the product's own {@link DataSource}. No framework, no global state: build one per
 * installation (a mutualised installation serving several communes builds one and passes each commune's
 * {@link TenantId} to every call).
 *
 * <pre>{@code
 * VendorBackOffice gru = VendorBackOffice.start(dataSource, Clock.systemUTC(), blobDirectory, masterKeys, sites);
 * gru.core().requests().create(usager, NewRequest.of("certificat-residence", id, Channel.WEB, data), key);
 * }</pre>
 */
public final class VendorBackOffice {

    /** The outbox subscriber name under which the vendor's back-office software receives events. */
    public static final String BACK_OFFICE = "logiciel-metier";

    private final PostgresPersistence persistence;
    private final GruCore core;
    private final DocumentVault documents;
    private final PieceReuse reuse;
    private final BookingService bookings;

    private VendorBackOffice(
            PostgresPersistence persistence,
            GruCore core,
            DocumentVault documents,
            PieceReuse reuse,
            BookingService bookings) {
        this.persistence = persistence;
        this.core = core;
        this.documents = documents;
        this.reuse = reuse;
        this.bookings = bookings;
    }

    /**
     * Applies the migrations shipped in the jars (idempotent; two nodes starting at once are safe) and
     * wires the services.
     *
     * @param blobDirectory where the encrypted files are written (a local disk or a mounted volume)
     * @param masterKeys the master keys that wrap each file's own key: load them from your KMS or vault
     * @param sites the sites, desks, services and opening hours of each commune
     */
    public static VendorBackOffice start(
            DataSource dataSource, Clock clock, Path blobDirectory, KeyProvider masterKeys, List<SiteSetup> sites) {
        // tag::wiring[]
        // gru-core: requests, history, audit trail, timeline, outbox and reference numbers in PostgreSQL.
        PostgresPersistence persistence = PostgresPersistence.builder(dataSource, clock)
                .outboxSubscribers(Set.of(BACK_OFFICE))
                .eventLog(SchedulingSchema.bookingEventLog()) // the relay also delivers the bookings' events
                .build();
        persistence.migrate();
        // Every store in PostgreSQL: requests, usagers, mandates, teams, the catalogue, exchanges.
        GruCore core = GruCore.builder()
                .clock(clock)
                .requestStore(persistence.requestStore())
                .usagerStore(persistence.usagerStore())
                .mandateStore(persistence.mandateStore())
                .teamDirectory(persistence.teamDirectory())
                .procedureStore(persistence.procedureStore())
                .exchangeStore(persistence.exchangeStore())
                .referenceSequence(persistence.referenceSequence())
                .build();

        // gru-documents: streamed, checked, encrypted uploads; files on disk, each under its own key;
        // metadata, versions and consents in PostgreSQL.
        DocumentIngestor ingestor = DocumentIngestor.builder()
                .blobStore(BlobStore.fileSystem(blobDirectory))
                .encryption(new EnvelopeEncryption(masterKeys))
                // In production: new ClamdScanner(...). Skipping the scan must be an explicit choice.
                .scanner(VirusScanner.unscanned())
                .build();
        DocumentStore.migrations().migrate(dataSource);
        DocumentVault vault = DocumentVault.builder()
                .clock(clock)
                .ids(core.ids())
                .store(DocumentStore.postgres(dataSource))
                .ingestor(ingestor)
                .types(DocumentTypes.national())
                .representations(new Representations(core.usagers(), core.mandates()))
                // Agents see a stored document only through a request they may see; usagers attach to theirs only.
                .requestVisibility(RequestVisibility.of(core.requestStore(), core.accessPolicy()))
                .events(core.events())
                .build();
        PieceReuse reuse = new PieceReuse(vault, DataProofProvider.none(), clock, core.ids(), core.events());

        // gru-scheduling: the database itself refuses a double booking (exclusion constraint); each booking
        // writes its row and one event in its log, which gru-core's relay delivers (eventLog above).
        SchedulingSchema.migrate(dataSource);
        BookingService bookings = new BookingService(
                new PostgresBookingStore(dataSource, Set.of(BACK_OFFICE)),
                SiteDirectory.of(sites),
                BookingPolicy.defaults(),
                clock,
                core.ids(),
                RateLimiter.unlimited(),
                core.events());
        // end::wiring[]
        return new VendorBackOffice(persistence, core, vault, reuse, bookings);
    }

    /**
     * The periodic jobs, to start on every node of the product: each runs on one node at a time (the
     * schedule is shared in PostgreSQL), and a node that dies mid-run hands its job over. The outbox relay
     * delivers the events to the vendor's back-office software ({@code backOffice}, named {@value
     * #BACK_OFFICE}); the hold reaper frees abandoned holds; the sweeper applies implicit decisions when a
     * deadline has passed.
     */
    public JobScheduler jobs(DataSource dataSource, OutboxSubscriber backOffice, List<TenantId> communes) {
        // tag::jobs[]
        OutboxRelay relay = OutboxRelay.builder(persistence.outbox(), persistence.clock())
                .subscriber(backOffice)
                .build();
        return PostgresJobScheduler.builder(dataSource)
                .jobs(List.of(
                        Job.every("outbox-relay", Duration.ofSeconds(1), relay::drain),
                        Job.every(
                                "expire-holds", Duration.ofSeconds(30), () -> communes.forEach(bookings::expireHolds)),
                        Job.every(
                                "deadline-sweeper", // the starter's name for the same job
                                Duration.ofMinutes(5),
                                () -> communes.forEach(core.deadlineSweeper()::sweep))))
                .build();
        // end::jobs[]
    }

    public GruCore core() {
        return core;
    }

    public PostgresPersistence persistence() {
        return persistence;
    }

    /** The residents' document vault (coffre-fort). */
    public DocumentVault documents() {
        return documents;
    }

    /** "Dites-le-nous une fois": stored documents matched to a démarche's pieces, with consent. */
    public PieceReuse reuse() {
        return reuse;
    }

    public BookingService bookings() {
        return bookings;
    }
}
