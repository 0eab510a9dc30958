package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opengru.reports.ReportsFixture.AGENT;
import static org.opengru.reports.ReportsFixture.AILLEURS;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.error.Violation;
import org.opengru.core.id.UsagerId;
import org.opengru.core.value.EmailAddress;

/** Each bad input is refused with its code and a French reason, and nothing is stored, sent or told. */
class BadInputTest {

    private final ReportsFixture f = new ReportsFixture(
            ReportStore.inMemory(),
            true,
            FloodGuard.perOrigin(
                    3, Duration.ofHours(1), Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC)));
    private final Reporter claire = Reporter.resident(UsagerId.of(UUID.randomUUID()));

    @Test
    void aPointOutsideTheCommune() {
        refused(d -> d.at(AILLEURS), "report.outside-commune", "en dehors de la commune");
    }

    @Test
    void anAddressTheGeocoderDoesNotKnow() {
        refused(
                d -> new ReportDraft(
                        d.tenant(),
                        d.reporter(),
                        d.origin(),
                        d.category(),
                        null,
                        "12 rue Imaginaire",
                        d.description(),
                        d.photos()),
                "report.address-not-found",
                "Nous n'avons pas trouvé cette adresse");
    }

    @Test
    void anAddressWhenTheGeocoderIsDown() {
        refused(
                d -> new ReportDraft(
                        d.tenant(),
                        d.reporter(),
                        d.origin(),
                        d.category(),
                        null,
                        "rue en panne",
                        d.description(),
                        d.photos()),
                "report.geocoder-unavailable",
                "Placez le point sur la carte");
    }

    @Test
    void aGeocodedAddressIsTheReportsPoint() {
        Report r = f.service
                .file(new ReportDraft(
                        TENANT,
                        claire,
                        "198.51.100.3",
                        "depot-sauvage",
                        null,
                        "3 rue de la Paix",
                        "Gravats",
                        java.util.List.of()))
                .report();

        assertThat(r.location()).isEqualTo(new GeoPoint(48.851, 2.351));
        assertThat(r.address()).isEqualTo("3 rue de la Paix");
        assertThat(f.service.locate(TENANT, "3 rue de la Paix")).isEqualTo(r.location());
    }

    @Test
    void noLocationAtAll() {
        refused(
                d -> new ReportDraft(
                        d.tenant(), d.reporter(), d.origin(), d.category(), null, null, d.description(), d.photos()),
                "report.location-missing",
                "Indiquez où se trouve le problème");
    }

    @Test
    void anUnknownCategory() {
        refused(d -> d.category("nid-de-poule"), "report.category-unknown", "Choisissez une catégorie");
    }

    @Test
    void anEmptyDescription() {
        refused(d -> d.description("   "), "report.description-missing", "Décrivez le problème");
    }

    @Test
    void aPhotoThatIsNotAnImage() {
        refused(
                d -> d.photo(ReportsFixture.plainJpeg())
                        .photo("%PDF-1.7 pas une photo".getBytes(StandardCharsets.US_ASCII)),
                "report.photo-not-image",
                "Ce fichier n'est pas une photo");
        refused(
                d -> d.photo("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII)),
                "report.photo-not-image",
                "JPEG, PNG ou WebP");
    }

    @Test
    void aJpegHeaderOverGarbage() {
        byte[] fake = new byte[200];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        refused(d -> d.photo(fake), "report.photo-unreadable", "illisible");
    }

    @Test
    void everyFaultIsNamedAtOnce() {
        ValidationException e = refused(
                d -> d.at(AILLEURS).category("inconnue").description(""), "report.outside-commune", "en dehors");
        assertThat(e.violations())
                .extracting(Violation::code)
                .containsExactlyInAnyOrder(
                        "report.outside-commune", "report.category-unknown", "report.description-missing");
        assertThat(e.violations()).extracting(Violation::field).contains("location", "category", "description");
    }

    @Test
    void aFloodFromOneAddressIsRateLimited() {
        for (int i = 0; i < 3; i++) {
            f.service.file(f.draft(claire));
        }
        int stored = f.storedCount();

        assertThatThrownBy(() -> f.service.file(f.draft(claire)))
                .isInstanceOfSatisfying(TooManyReportsException.class, e -> {
                    assertThat(e.code()).isEqualTo("report.too-many");
                    assertThat(e.french()).startsWith("Trop de signalements");
                });
        assertThat(f.storedCount()).isEqualTo(stored);
        assertThat(f.service
                        .file(ReportDraft.by(TENANT, claire, "198.51.100.9")
                                .category("eclairage")
                                .at(ReportsFixture.CENTRE)
                                .description("Lampadaire éteint"))
                        .report()
                        .status())
                .as("another address is not held back")
                .isEqualTo(ReportStatus.RECEIVED);
    }

    @Test
    void anAnonymousReportWithAnUnverifiedEmailIsNotFiled() {
        f.service.file(f.draft(Reporter.anonymous(EmailAddress.parse("anne@example.org"))));

        assertThat(f.service.list(AGENT, ReportQuery.all(TENANT))).isEmpty();
        assertThat(f.notices).isEmpty();
    }

    private ValidationException refused(UnaryOperator<ReportDraft> bad, String code, String french) {
        ReportDraft draft = bad.apply(f.draft(claire));
        int stored = f.storedCount();
        ValidationException[] caught = new ValidationException[1];
        assertThatThrownBy(() -> f.service.file(draft)).isInstanceOfSatisfying(ValidationException.class, e -> {
            caught[0] = e;
            assertThat(e.violations()).extracting(Violation::code).contains(code);
            Violation v = e.violations().stream()
                    .filter(x -> code.equals(x.code()))
                    .findFirst()
                    .orElseThrow();
            assertThat(v.french()).contains(french);
            assertThat(v.field()).isNotBlank();
        });
        assertThat(f.storedCount()).as("nothing stored").isEqualTo(stored);
        assertThat(f.blobs.live).as("no photo stored").isEmpty();
        assertThat(f.notices).as("no one told").isEmpty();
        assertThat(f.mails).as("no e-mail").isEmpty();
        return caught[0];
    }
}
