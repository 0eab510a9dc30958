package org.opengru.spring.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.SubjectAccess;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.spring.TestTenant;
import org.opengru.spring.documents.GruDocumentsAutoConfiguration;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.scheduling.GruSchedulingAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Everything the modules hold on one usager, assembled by the starter: the 360° timeline and the RGPD rights. */
class UsagerDataAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruDocumentsAutoConfiguration.class,
                    GruSchedulingAutoConfiguration.class,
                    GruFranceConnectAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void theTimelineAndTheSubjectAccessCoverEveryModuleInOrder(@TempDir Path dir) {
        runner.withPropertyValues("gru.documents.storage-path=" + dir).run(context -> {
            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            BookingService bookings = context.getBean(BookingService.class);
            LocalDate tuesday = LocalDate.of(2026, 3, 3);
            List<Slot> slots = bookings.availability(
                    TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport"), tuesday, tuesday, 1);
            BookingResult.Booked booked = (BookingResult.Booked) bookings.book(BookingRequest.online(
                    TestTenant.TENANT,
                    SiteId.of("mairie"),
                    ServiceId.of("passeport"),
                    slots.get(0).start(),
                    resident.usager()));

            TestTenant.storeDocument(context.getBean(org.opengru.documents.vault.DocumentVault.class), resident);
            List<TimelineEntry> timeline = context.getBean(Timeline.class)
                    .page(TestTenant.TENANT, resident.usager(), null, 10)
                    .entries();
            assertThat(timeline).extracting(TimelineEntry::module).contains("scheduling", "documents");

            SubjectAccess access = context.getBean(SubjectAccess.class);
            JsonNode export =
                    JsonMapper.builder().build().readTree(access.export(TestTenant.TENANT, resident.usager()));
            List<String> sections = new ArrayList<>(export.get("sections").propertyNames());
            // gru-core first (it decides whether the identity goes), the FranceConnect links last.
            assertThat(sections)
                    .containsExactly(
                            "usager",
                            "requests",
                            "timeline",
                            "consents",
                            "mandates",
                            "messages",
                            "documents",
                            "appointments",
                            "franceconnect");
            assertThat(export.at("/sections/appointments/appointments/0/id").asString())
                    .isEqualTo(booked.booking().id().toString());

            List<ErasureOutcome> erased =
                    access.erase(TestTenant.TENANT, resident.usager()).outcomes();
            assertThat(erased)
                    .filteredOn(o -> o.section().equals("appointments"))
                    .singleElement()
                    .satisfies(o -> assertThat(o.erased()).isEqualTo(1));
            var after = bookings.find(TestTenant.TENANT, booked.booking().id());
            assertThat(after.status()).isEqualTo(BookingStatus.CANCELLED_BY_USAGER);
            assertThat(after.usager()).isNotEqualTo(resident.usager());
        });
    }
}
