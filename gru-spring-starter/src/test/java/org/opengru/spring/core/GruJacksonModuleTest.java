package org.opengru.spring.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.spring.TestTenant;
import org.opengru.spring.documents.GruDocumentsAutoConfiguration;
import org.opengru.spring.scheduling.GruSchedulingAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public model through Spring Boot's own JsonMapper, as a host's controllers would answer it. */
class GruJacksonModuleTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruDocumentsAutoConfiguration.class,
                    GruSchedulingAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void requestsBookingsAndDocumentsSerialiseWithPlainIdsAndNoInternals() {
        runner.run(context -> {
            JsonMapper json = context.getBean(JsonMapper.class);
            UsagerStore usagers = context.getBean(UsagerStore.class);

            Request decided = TestTenant.submitToDecision(context.getBean(RequestService.class), usagers);
            JsonNode request = json.readTree(json.writeValueAsString(decided));
            assertThat(request.get("id").asString()).isEqualTo(decided.id().toString());
            assertThat(request.get("tenant").asString()).isEqualTo("saint-martin");
            assertThat(request.get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(request.get("acknowledgment").toString()).contains("Mairie de Saint-Martin");

            BookingService bookings = context.getBean(BookingService.class);
            LocalDate tuesday = LocalDate.of(2026, 3, 3);
            var slot = bookings.availability(
                            TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport"), tuesday, tuesday, 1)
                    .get(0);
            var booked = (BookingResult.Booked) bookings.book(BookingRequest.online(
                    TestTenant.TENANT,
                    SiteId.of("mairie"),
                    ServiceId.of("passeport"),
                    slot.start(),
                    TestTenant.resident(usagers).usager()));
            JsonNode booking = json.readTree(json.writeValueAsString(booked.booking()));
            assertThat(booking.get("id").asString())
                    .isEqualTo(booked.booking().id().toString());
            assertThat(booking.get("site").asString()).isEqualTo("mairie");
            assertThat(booking.get("service").asString()).isEqualTo("passeport");
            assertThat(booking.has("cancelTokenHash")).isFalse();

            var document = TestTenant.storeDocument(context.getBean(DocumentVault.class), TestTenant.resident(usagers));
            JsonNode doc = json.readTree(json.writeValueAsString(document));
            assertThat(doc.get("id").asString()).isEqualTo(document.id().toString());
            JsonNode version = doc.get("versions").get(0);
            assertThat(version.get("fileName").asString()).isEqualTo("facture-edf.png");
            assertThat(version.get("sha256").asString()).hasSize(64);
            assertThat(version.has("blobKey")).isFalse();
        });
    }
}
