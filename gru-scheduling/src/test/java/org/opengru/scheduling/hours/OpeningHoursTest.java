package org.opengru.scheduling.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.model.AntsPreApplicationNumber;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;

class OpeningHoursTest {

    private static final TenantId TENANT = TenantId.of("commune-97411");
    private static final SiteId SITE = SiteId.of("mairie");
    private static final ResourceId DESK_1 = ResourceId.of("guichet-1");
    private static final ResourceId DESK_2 = ResourceId.of("guichet-2");
    private static final Site REUNION = Site.of(TENANT, SITE, "Mairie de Saint-Denis", HolidayZone.LA_REUNION);

    private static OpeningHours.Builder weekdays() {
        return OpeningHours.builder(REUNION)
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(SITE), LocalDate.of(2026, 1, 1))
                        .open(
                                "08:00",
                                "12:00",
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY)
                        .build());
    }

    private static Duration open(OpeningHours hours, ResourceId desk, LocalDate date) {
        return hours.openIntervals(desk, date, date).stream()
                .map(Interval::length)
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void theSitesZoneAndHolidaysApply() {
        OpeningHours hours = weekdays().build();
        LocalDate friday = LocalDate.of(2026, 12, 18);
        assertThat(hours.openIntervals(DESK_1, friday, friday).get(0).start())
                .isEqualTo(
                        friday.atTime(8, 0).atZone(ZoneId.of("Indian/Reunion")).toInstant());
        // 20 December 2027 is a Monday: the abolition of slavery closes La Réunion, not the metropole.
        assertThat(open(hours, DESK_1, LocalDate.of(2027, 12, 20))).isZero();
        assertThat(hours.check(
                        DESK_1,
                        LocalDate.of(2027, 12, 20)
                                .atTime(9, 0)
                                .atZone(ZoneId.of("Indian/Reunion"))
                                .toInstant(),
                        LocalDate.of(2027, 12, 20)
                                .atTime(9, 20)
                                .atZone(ZoneId.of("Indian/Reunion"))
                                .toInstant()))
                .isEqualTo(OpeningHours.Verdict.PUBLIC_HOLIDAY);
    }

    @Test
    void exceptionsCloseOpenAndRemoveOneAgent() {
        LocalDate monday = LocalDate.of(2026, 6, 8);
        // tag::exceptions[]
        OpeningHours hours = weekdays()
                .schedule(WeeklySchedule.builder(ScheduleTarget.resource(SITE, DESK_2), LocalDate.of(2026, 1, 1))
                        .open("09:00", "11:00", DayOfWeek.MONDAY)
                        .build())
                .exception(ScheduleException.closure(
                        ScheduleTarget.site(SITE),
                        Recurrence.on(monday),
                        TimeWindow.of("10:00", "10:30"),
                        "réunion de service"))
                .exception(ScheduleException.absence(
                        ScheduleTarget.resource(SITE, DESK_1),
                        new Recurrence.Weekly(DayOfWeek.TUESDAY, monday, null),
                        null,
                        "temps partiel"))
                .exception(ScheduleException.extraOpening(
                        ScheduleTarget.site(SITE),
                        Recurrence.on(monday.plusDays(5)),
                        TimeWindow.of("09:00", "12:00"),
                        "permanence du samedi"))
                .exception(ScheduleException.closure(
                        ScheduleTarget.site(SITE), new Recurrence.Yearly(MonthDay.of(6, 12)), null, "fête communale"))
                .build();
        // end::exceptions[]
        assertThat(open(hours, DESK_1, monday)).isEqualTo(Duration.ofMinutes(210));
        assertThat(open(hours, DESK_2, monday)).isEqualTo(Duration.ofMinutes(90)); // its own hours, minus the closure
        assertThat(open(hours, DESK_1, monday.plusDays(1))).isZero();
        assertThat(open(hours, DESK_2, monday.plusDays(1))).isZero(); // desk 2 only works Mondays
        assertThat(open(hours, DESK_1, monday.plusDays(4))).isZero(); // 12 June: fête communale
        assertThat(open(hours, DESK_1, monday.plusDays(5))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theLatestValidScheduleWins() {
        OpeningHours hours = weekdays()
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(SITE), LocalDate.of(2026, 7, 1))
                        .until(LocalDate.of(2026, 8, 31))
                        .open("08:00", "10:00", DayOfWeek.MONDAY)
                        .build())
                .build();
        assertThat(open(hours, DESK_1, LocalDate.of(2026, 7, 6))).isEqualTo(Duration.ofHours(2));
        assertThat(open(hours, DESK_1, LocalDate.of(2026, 9, 7))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void badInputNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> TimeWindow.of("12:00", "08:00"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("window.end");
                    assertThat(e.value()).isEqualTo("08:00");
                });
        assertThatThrownBy(() ->
                        Service.builder(TENANT, ServiceId.of("cni"), "CNI").duration(Duration.ofSeconds(90)))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("service.duration"));
        assertThatThrownBy(() -> Service.builder(TENANT, ServiceId.of("cni"), "CNI")
                        .minNotice(Duration.ofDays(100))
                        .maxHorizon(Duration.ofDays(30))
                        .build())
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("service.maxHorizon"));
        assertThatThrownBy(() -> AntsPreApplicationNumber.parse("AB12"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.value()).isEqualTo("AB12"));
        assertThat(AntsPreApplicationNumber.parse("ab12 cd34-ef").value()).isEqualTo("AB12CD34EF");
        assertThatThrownBy(() -> ScheduleException.absence(
                        ScheduleTarget.site(SITE), Recurrence.on(LocalDate.of(2026, 1, 5)), null, "congé"))
                .isInstanceOf(ValidationException.class);
        assertThat(List.of(REUNION.zone())).containsExactly(ZoneId.of("Indian/Reunion"));
    }
}
