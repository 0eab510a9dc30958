package org.opengru.examples.vendor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.FieldType;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.job.JobScheduler;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerKind;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.PieceStatus;
import org.opengru.documents.reuse.ReusePlan;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVersion;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.hours.ScheduleTarget;
import org.opengru.scheduling.hours.WeeklySchedule;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A vendor's product using OpenGRU: a resident stores a proof of address, files a request for a
 * residence certificate with it, an agent accepts it, and the resident books a slot at the town hall to
 * collect the certificate. Everything goes to the PostgreSQL database given on the command line.
 *
 * <pre>
 * java -cp … org.opengru.examples.vendor.VendorExample jdbc:postgresql://localhost:5432/gru gru secret
 * </pre>
 */
public final class VendorExample {

    static final TenantId COMMUNE = TenantId.of("commune-45000");
    static final TeamId ETAT_CIVIL = TeamId.of("etat-civil");
    static final SiteId MAIRIE = SiteId.of("mairie");
    static final ServiceId REMISE = ServiceId.of("remise-certificat");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** What the scenario did, for the vendor to print or a test to check. */
    public record Outcome(
            String reference,
            String status,
            String acknowledgment,
            String documentSha256,
            String documentRef,
            Instant appointment,
            String desk,
            List<String> backOfficeEvents) {}

    private VendorExample() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: VendorExample <jdbc-url> [user] [password]");
            System.exit(2);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        if (args.length > 1) {
            dataSource.setUser(args[1]);
        }
        if (args.length > 2) {
            dataSource.setPassword(args[2]);
        }
        Path blobs = Files.createDirectories(Path.of("data", "documents"));
        // Demo only: a master key that dies with the JVM. Load yours from your KMS.
        KeyProvider masterKeys = StaticKeyProvider.generated("demo");
        Outcome outcome = run(dataSource, Clock.systemUTC(), blobs, masterKeys, System.out);
        System.out.println("Done: request " + outcome.reference() + " is " + outcome.status());
    }

    /** Wires OpenGRU on {@code dataSource} and runs the scenario once; prints what happens to {@code out}. */
    public static Outcome run(
            DataSource dataSource, Clock clock, Path blobDirectory, KeyProvider masterKeys, PrintStream out) {
        VendorBackOffice gru =
                VendorBackOffice.start(dataSource, clock, blobDirectory, masterKeys, List.of(townHall()));

        // tag::catalogue[]
        // The commune's catalogue and its civil-status team (plain data; a product loads it from its own tables).
        gru.core()
                .teams()
                .save(new Team(
                        COMMUNE,
                        ETAT_CIVIL,
                        "Service de l'état civil",
                        PostalAddress.france(List.of("1 place de la Mairie"), "45000", "Belleville-sur-Loire"),
                        EmailAddress.parse("etat-civil@belleville-sur-loire.fr"),
                        PhoneNumber.parse("02 38 00 00 00")));
        // Declared at each start: defined the first time, unchanged afterwards (a changed démarche gets a new version).
        gru.core().procedures().declare(COMMUNE, residenceCertificate());
        // end::catalogue[]

        // A resident, as the product's own user table would create them.
        UsagerId resident = gru.core().ids().newUsagerId();
        gru.core()
                .usagers()
                .save(Person.declared(resident, COMMUNE, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
        UsagerPrincipal claire = Principal.usager(COMMUNE, resident);
        AgentPrincipal agent = Principal.agent(COMMUNE, AgentId.of("jdupont"), Set.of(ETAT_CIVIL));

        // 1. The resident stores a proof of address in her vault: sniffed, checked, hashed, encrypted.
        byte[] pdf = proofOfAddressPdf();
        Document proof = gru.documents()
                .upload(
                        claire,
                        resident,
                        DocumentTypes.PROOF_OF_ADDRESS,
                        DocumentFacts.issued(
                                LocalDate.ofInstant(clock.instant(), PARIS).minusDays(10)),
                        Channel.WEB,
                        UploadRequest.of("justificatif-domicile.pdf").withDeclaredSize(pdf.length),
                        new ByteArrayInputStream(pdf));
        DocumentVersion stored = proof.current();
        out.println("Stored " + stored.fileName() + " (" + stored.mediaType().mediaType() + ", " + stored.size()
                + " bytes, SHA-256 " + stored.sha256() + ")");

        // 2. She files a request: the stored document satisfies the required piece; with her consent for
        // this démarche, it is attached by reference (not copied), then she submits.
        Procedure procedure = gru.core()
                .procedures()
                .latest(COMMUNE, ProcedureCode.of("certificat-residence"))
                .orElseThrow();
        FormData answers = FormData.of("motif", "Inscription sur les listes électorales");
        Request draft = gru.core()
                .requests()
                .create(
                        claire,
                        NewRequest.of("certificat-residence", resident, Channel.WEB, answers),
                        IdempotencyKey.of("vendor-create-" + resident));
        ReusePlan plan = gru.reuse().plan(claire, resident, procedure.piecesFor(answers));
        Set<DocumentId> chosen = new HashSet<>();
        plan.byDocument().forEach(p -> chosen.add(p.document()));
        gru.reuse().consent(claire, resident, draft.id(), procedure.code(), chosen, Channel.WEB);
        List<ProvidedPiece> pieces = new ArrayList<>();
        for (PieceStatus.ByDocument p : plan.byDocument()) {
            Attachment a = gru.reuse().attach(claire, draft.id(), p.piece().type(), p.document());
            pieces.add(new ProvidedPiece(p.piece().type(), a.documentRef()));
        }
        draft = gru.core().requests().edit(claire, draft.id(), ActionInput.content(answers, pieces), null);
        Request submitted = gru.core().requests().submit(claire, draft.id(), null);
        String acknowledgment =
                gru.core().requests().acknowledgment(claire, submitted.id()).text();
        out.println("Request " + submitted.reference() + " submitted; acknowledgment of receipt:");
        out.println(acknowledgment);

        // 3. An agent of the civil-status team reviews and accepts it.
        gru.core().requests().startReview(agent, submitted.id(), null);
        Request accepted = gru.core().requests().accept(agent, submitted.id(), null);
        out.println("Request " + accepted.reference() + " is now " + accepted.status());

        // 4. The resident books the first free slot to collect the certificate at the town hall.
        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        List<Slot> slots = gru.bookings().availability(COMMUNE, MAIRIE, REMISE, today, today.plusDays(21), 1);
        if (slots.isEmpty()) {
            throw new IllegalStateException("no free slot in the next three weeks");
        }
        BookingResult result = gru.bookings()
                .book(BookingRequest.online(
                                COMMUNE, MAIRIE, REMISE, slots.get(0).start(), resident)
                        .withIdempotencyKey(IdempotencyKey.of("vendor-book-" + resident)));
        if (!(result instanceof BookingResult.Booked booked)) {
            throw new IllegalStateException("the slot was taken meanwhile: " + result);
        }
        out.println("Appointment on " + booked.booking().start().atZone(PARIS) + " at "
                + booked.booking().resource().value());

        // 5. The product's back-office software receives every event (the relay is one of the jobs each node
        // starts; here they run once, as a scheduler would on its next tick).
        List<String> received = new ArrayList<>();
        OutboxSubscriber backOffice = new OutboxSubscriber() {
            @Override
            public String name() {
                return VendorBackOffice.BACK_OFFICE;
            }

            @Override
            public DeliveryResult deliver(OutboxRecord record) {
                received.add(record.message().eventType());
                return DeliveryResult.ok("received");
            }
        };
        try (JobScheduler jobs = gru.jobs(dataSource, backOffice, List.of(COMMUNE))) {
            jobs.runAllOnce();
        }
        out.println("The back office received " + received.size() + " events: " + received);

        return new Outcome(
                accepted.reference().toString(),
                accepted.status().name(),
                acknowledgment,
                stored.sha256().hex(),
                pieces.get(0).documentRef(),
                booked.booking().start(),
                booked.booking().resource().value(),
                List.copyOf(received));
    }

    /** A residence certificate: one field, a proof of address, routed to the civil-status team. */
    static Procedure residenceCertificate() {
        return Procedure.builder("certificat-residence", 1)
                .title("Certificat de résidence")
                .fields(FieldDefinition.of("motif", "Motif de la demande", FieldType.TEXT, true))
                .pieces(RequiredPiece.of(DocumentTypeCode.of("justificatif-domicile"), "Justificatif de domicile"))
                .openTo(UsagerKind.PERSON)
                .team(ETAT_CIVIL.value())
                .retention(Period.ofYears(1))
                .build();
    }

    /** The town hall: two desks, open on weekdays 08:30-12:00 and 13:30-17:00. */
    static SiteSetup townHall() {
        Site site = Site.of(COMMUNE, MAIRIE, "Hôtel de ville", HolidayZone.METROPOLE);
        DayOfWeek[] weekdays = {
            DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY
        };
        OpeningHours hours = OpeningHours.builder(site)
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(MAIRIE), LocalDate.of(2026, 1, 1))
                        .open("08:30", "12:00", weekdays)
                        .open("13:30", "17:00", weekdays)
                        .build())
                .build();
        Service handOver = Service.builder(COMMUNE, REMISE, "Remise d'un certificat")
                .duration(Duration.ofMinutes(10))
                .minNotice(Duration.ofHours(2))
                .maxHorizon(Duration.ofDays(60))
                .build();
        List<Resource> desks = new ArrayList<>();
        for (String desk : List.of("guichet-1", "guichet-2")) {
            desks.add(new Resource(COMMUNE, ResourceId.of(desk), MAIRIE, "Guichet " + desk.charAt(8), Set.of(REMISE)));
        }
        return new SiteSetup(hours, desks, List.of(handOver));
    }

    /** A one-page PDF, as a resident's scanner would produce (no script, no attachment). */
    static byte[] proofOfAddressPdf() {
        String text = "BT /F1 18 Tf 72 720 Td (Facture d'electricite - Claire Martin) Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(
                    ((i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = pdf.size();
        StringBuilder tail = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            tail.append(String.format("%010d 00000 n \n", offset));
        }
        tail.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        pdf.writeBytes(tail.toString().getBytes(StandardCharsets.ISO_8859_1));
        return pdf.toByteArray();
    }
}
