package org.opengru.test.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.TeamId;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.hours.ScheduleTarget;
import org.opengru.scheduling.hours.WeeklySchedule;
import org.opengru.scheduling.model.BookingAudience;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;
import org.opengru.scheduling.postgres.SchedulingSchema;

/**
 * A town hall in Europe/Paris: three desks open Monday to Friday 08:30-12:00 and 13:30-17:00, and
 * Saturday 09:00-12:00. Passports and identity cards (20 min, a slot every 10 min, 5 min of filing after,
 * ANTS number required, families up to 4) on desks 1 and 2; civil registry (15 min) on desk 3 only;
 * an agents-only service on desk 3.
 */
public final class SchedulingFixture {

    /**
     * gru-core's migrations, then gru-scheduling's, on {@code dataSource}: a booking's events go to
     * gru-core's outbox, whose tables scheduling's scripts require.
     */
    public static void migrate(DataSource dataSource) {
        // tag::migrate[]
        Migrations.core().migrate(dataSource); // gru-core first: scheduling uses its outbox and relay tables
        SchedulingSchema.migrate(dataSource); // gru-core's runner, history in gru_schema_history
        // end::migrate[]
    }

    public static final TenantId TENANT = TenantId.of("commune-69123");
    public static final SiteId SITE = SiteId.of("mairie-centrale");
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final ServiceId PASSPORT = ServiceId.of("passeport-cni");
    public static final ServiceId CIVIL = ServiceId.of("etat-civil");
    public static final ServiceId AGENTS = ServiceId.of("urbanisme-instruction");
    public static final ResourceId DESK_1 = ResourceId.of("guichet-1");
    public static final ResourceId DESK_2 = ResourceId.of("guichet-2");
    public static final ResourceId DESK_3 = ResourceId.of("guichet-3");
    /** A Monday, 09:00 in Paris: "now" in the contract tests. */
    public static final Instant MONDAY_9AM =
            LocalDate.of(2026, 6, 8).atTime(9, 0).atZone(PARIS).toInstant();

    public static final String ANTS = "AB12CD34EF";

    /** The team whose agents receive at the fixture's site. */
    public static final TeamId TEAM = TeamId.of("accueil-etat-civil");

    /** An agent of the site's team. */
    public static final AgentPrincipal DESK_AGENT = Principal.agent(TENANT, AgentId.of("mdupont"), Set.of(TEAM));

    private SchedulingFixture() {}

    public static Site site() {
        return Site.of(TENANT, SITE, "Mairie centrale", HolidayZone.METROPOLE);
    }

    public static Service passport() {
        // tag::service[]
        Service passport = Service.builder(TENANT, PASSPORT, "Passeport et carte d'identité")
                .duration(Duration.ofMinutes(20))
                .step(Duration.ofMinutes(10))
                .buffers(Duration.ZERO, Duration.ofMinutes(5))
                .minNotice(Duration.ofHours(1))
                .maxHorizon(Duration.ofDays(60))
                .antsNumberRequired(true)
                .maxPeople(4)
                .build();
        // end::service[]
        return passport;
    }

    public static Service civil() {
        return Service.builder(TENANT, CIVIL, "État civil")
                .duration(Duration.ofMinutes(15))
                .build();
    }

    public static Service agentsOnly() {
        return Service.builder(TENANT, AGENTS, "Instruction urbanisme")
                .duration(Duration.ofMinutes(30))
                .audience(BookingAudience.AGENTS_ONLY)
                .build();
    }

    public static List<Resource> desks() {
        return List.of(
                new Resource(TENANT, DESK_1, SITE, "Guichet 1", Set.of(PASSPORT)),
                new Resource(TENANT, DESK_2, SITE, "Guichet 2", Set.of(PASSPORT)),
                new Resource(TENANT, DESK_3, SITE, "Guichet 3", Set.of(CIVIL, AGENTS)));
    }

    public static OpeningHours hours() {
        return OpeningHours.builder(site())
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(SITE), LocalDate.of(2026, 1, 1))
                        .open(
                                "08:30",
                                "12:00",
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY)
                        .open(
                                "13:30",
                                "17:00",
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY)
                        .open("09:00", "12:00", DayOfWeek.SATURDAY)
                        .build())
                .build();
    }

    /**
     * The opening-rush week: one desk serving {@code service} Monday to Thursday from 08:00 to 14:15 in
     * 15-minute appointments, so 100 single-place slots from {@code monday} on. The reliability test and
     * the rush benchmark race for the same week.
     */
    public static SiteSetup rushWeek(
            TenantId tenant, SiteId siteId, ServiceId service, ResourceId desk, LocalDate monday) {
        Site site = Site.of(tenant, siteId, "Mairie", HolidayZone.METROPOLE);
        OpeningHours hours = OpeningHours.builder(site)
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(siteId), monday)
                        .until(monday.plusDays(3))
                        .open(
                                "08:00",
                                "14:15",
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY)
                        .build())
                .build();
        Service passport = Service.builder(tenant, service, "Passeport")
                .duration(Duration.ofMinutes(15))
                .build();
        return new SiteSetup(
                hours, List.of(new Resource(tenant, desk, siteId, "Guichet", Set.of(service))), List.of(passport));
    }

    public static SiteSetup setup() {
        return new SiteSetup(hours(), desks(), List.of(passport(), civil(), agentsOnly()), Set.of(TEAM));
    }

    /** A booking service over the store with the fixture's site, the given clock and policy. */
    public static BookingService service(
            BookingStore store, java.time.Clock clock, BookingPolicy policy, RateLimiter limiter) {
        return service(store, WaitingListStore.inMemory(), clock, policy, limiter);
    }

    /** A booking service (one node) over the given stores. */
    public static BookingService service(
            BookingStore store,
            WaitingListStore waitingList,
            java.time.Clock clock,
            BookingPolicy policy,
            RateLimiter limiter) {
        return new BookingService(
                store,
                SiteDirectory.of(List.of(setup())),
                policy,
                clock,
                IdGenerator.create(clock),
                limiter,
                waitingList,
                DomainEventPublisher.none());
    }

    /** 10:00 (Paris) on the day {@code days} after the fixture's Monday. */
    public static Instant at(int days, int hour, int minute) {
        return LocalDate.of(2026, 6, 8)
                .plusDays(days)
                .atTime(LocalTime.of(hour, minute))
                .atZone(PARIS)
                .toInstant();
    }
}
