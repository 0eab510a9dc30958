package org.opengru.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.availability.Slot;
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

/**
 * What availability offers can be booked, and what can be booked is offered, whatever range was asked:
 * on the autumn clock-change night with several windows, and for a night opening that runs past midnight.
 * The expected times follow docs/scheduling.md ("Daylight saving", "Availability"), worked out by hand.
 */
class OfferedSlotsAreBookableTest {

    private static final TenantId TENANT = TenantId.of("commune-75056");
    private static final SiteId SITE = SiteId.of("mairie");
    private static final ServiceId CIVIL = ServiceId.of("etat-civil");
    private static final ResourceId DESK = ResourceId.of("guichet-1");

    private static BookingService service(WeeklySchedule week, Service civil, Instant now) {
        Site site = Site.of(TENANT, SITE, "Mairie", HolidayZone.METROPOLE);
        OpeningHours hours = OpeningHours.builder(site).schedule(week).build();
        SiteSetup setup = new SiteSetup(
                hours, List.of(new Resource(TENANT, DESK, SITE, "Guichet 1", Set.of(CIVIL))), List.of(civil));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new BookingService(
                BookingStore.inMemory(),
                SiteDirectory.of(List.of(setup)),
                BookingPolicy.defaults(),
                clock,
                IdGenerator.create(clock),
                RateLimiter.unlimited(),
                DomainEventPublisher.none());
    }

    private static Service civil(int minutes, int step) {
        return Service.builder(TENANT, CIVIL, "État civil")
                .duration(Duration.ofMinutes(minutes))
                .step(Duration.ofMinutes(step))
                .build();
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    private static BookingResult book(BookingService service, Instant start) {
        return service.book(BookingRequest.online(TENANT, SITE, CIVIL, start, UsagerId.of(UUID.randomUUID())));
    }

    @Test
    void theRepeatedHourOfTheAutumnNightIsOfferedAndBookableInEveryWindow() {
        // Sunday 25 October 2026, Paris: at 03:00 summer time (01:00Z) the clocks go back to 02:00, so the
        // local times 02:00-03:00 happen twice, first at +02:00 (00:00Z-01:00Z), then at +01:00 (01:00Z-02:00Z).
        WeeklySchedule week = WeeklySchedule.builder(ScheduleTarget.site(SITE), LocalDate.of(2026, 1, 1))
                .open("01:00", "02:30", DayOfWeek.SUNDAY)
                .open("02:45", "04:00", DayOfWeek.SUNDAY)
                .build();
        BookingService service = service(week, civil(15, 15), Instant.parse("2026-10-20T08:00:00Z"));
        LocalDate sunday = LocalDate.of(2026, 10, 25);

        // 01:00-02:30 local: 23:00Z-00:30Z at +02:00, then 02:00-02:30 again at +01:00, 01:00Z-01:30Z.
        // 02:45-04:00 local: 02:45-03:00 at +02:00 is 00:45Z-01:00Z, then 02:45-04:00 at +01:00 is 01:45Z-03:00Z.
        // Open: [23:00Z, 00:30Z), [00:45Z, 01:30Z), [01:45Z, 03:00Z): 3 h 30 min instead of 2 h 45 min a usual Sunday.
        List<Instant> expected = List.of(
                Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-24T23:15:00Z"),
                Instant.parse("2026-10-24T23:30:00Z"),
                Instant.parse("2026-10-24T23:45:00Z"),
                Instant.parse("2026-10-25T00:00:00Z"),
                Instant.parse("2026-10-25T00:15:00Z"),
                Instant.parse("2026-10-25T00:45:00Z"), // 02:45 the first time
                Instant.parse("2026-10-25T01:00:00Z"),
                Instant.parse("2026-10-25T01:15:00Z"),
                Instant.parse("2026-10-25T01:45:00Z"),
                Instant.parse("2026-10-25T02:00:00Z"),
                Instant.parse("2026-10-25T02:15:00Z"),
                Instant.parse("2026-10-25T02:30:00Z"),
                Instant.parse("2026-10-25T02:45:00Z"));
        assertThat(starts(service.availability(TENANT, SITE, CIVIL, sunday, sunday, 1)))
                .isEqualTo(expected);
        assertThat(book(service, Instant.parse("2026-10-25T00:45:00Z"))).isInstanceOf(BookingResult.Booked.class);
    }

    @Test
    void aNightOpeningGivesTheSameSlotsWhateverTheDaysAsked() {
        // Saturday 13 June 2026 22:00 to Sunday 02:00 (Paris, +02:00): one span, 20:00Z-00:00Z. An hour-long
        // appointment every 25 minutes from its opening: 22:00, 22:25, 22:50, 23:15, 23:40 start on
        // Saturday (the last two end on Sunday, still open); 00:05, 00:30, 00:55 on Sunday (01:20 would end
        // at 02:20, after closing).
        WeeklySchedule week = WeeklySchedule.builder(ScheduleTarget.site(SITE), LocalDate.of(2026, 1, 1))
                .open("22:00", "00:00", DayOfWeek.SATURDAY)
                .open("00:00", "02:00", DayOfWeek.SUNDAY)
                .build();
        BookingService service = service(week, civil(60, 25), Instant.parse("2026-06-08T08:00:00Z"));
        LocalDate saturday = LocalDate.of(2026, 6, 13);
        LocalDate sunday = saturday.plusDays(1);
        List<Instant> onSaturday = List.of(
                Instant.parse("2026-06-13T20:00:00Z"),
                Instant.parse("2026-06-13T20:25:00Z"),
                Instant.parse("2026-06-13T20:50:00Z"),
                Instant.parse("2026-06-13T21:15:00Z"),
                Instant.parse("2026-06-13T21:40:00Z"));
        List<Instant> onSunday = List.of(
                Instant.parse("2026-06-13T22:05:00Z"),
                Instant.parse("2026-06-13T22:30:00Z"),
                Instant.parse("2026-06-13T22:55:00Z"));

        assertThat(starts(service.availability(TENANT, SITE, CIVIL, saturday, saturday, 1)))
                .isEqualTo(onSaturday);
        assertThat(starts(service.availability(TENANT, SITE, CIVIL, sunday, sunday, 1)))
                .isEqualTo(onSunday);
        assertThat(starts(service.availability(TENANT, SITE, CIVIL, saturday, sunday, 1)))
                .containsExactlyElementsOf(java.util.stream.Stream.concat(onSaturday.stream(), onSunday.stream())
                        .toList());
        // Each one offered can be booked.
        assertThat(book(service, Instant.parse("2026-06-13T21:40:00Z"))).isInstanceOf(BookingResult.Booked.class);
        assertThat(book(service, Instant.parse("2026-06-13T22:55:00Z"))).isInstanceOf(BookingResult.Booked.class);
    }
}
