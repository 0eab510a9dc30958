package org.opengru.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengru.core.catalogue.ComplementEffect;
import org.opengru.core.catalogue.DecisionPeriod;
import org.opengru.core.catalogue.ImplicitDecisionRule;

/** Table tests of implicit-decision dates: month ends, leap years, days and weeks, the Paris day, DST. */
class DeadlineCalculatorTest {

    private final DeadlineCalculator calc = DeadlineCalculator.paris();

    private static DecisionPeriod period(String text) {
        String[] parts = text.split(" ");
        return new DecisionPeriod(Integer.parseInt(parts[0]), DecisionPeriod.Unit.valueOf(parts[1]));
    }

    /**
     * The implicit decision is born when the period's last day ends in Paris (midnight), not when it
     * starts: an express decision taken on that day comes first. Before, it was due at the start of the
     * last day (the sweeper decided in its first minute).
     */
    @ParameterizedTest(name = "received {0} + {1} -> last day {2}, born at {3}")
    @CsvSource({
        // month ends: java.time clamps to the last day of the shorter month
        "2026-01-31T10:00:00Z, 1 MONTHS,  2026-02-28, 2026-02-28T23:00:00Z",
        "2028-01-31T10:00:00Z, 1 MONTHS,  2028-02-29, 2028-02-29T23:00:00Z",
        "2026-01-30T10:00:00Z, 1 MONTHS,  2026-02-28, 2026-02-28T23:00:00Z",
        "2026-03-31T10:00:00Z, 2 MONTHS,  2026-05-31, 2026-05-31T22:00:00Z",
        "2026-12-31T10:00:00Z, 2 MONTHS,  2027-02-28, 2027-02-28T23:00:00Z",
        "2026-08-31T10:00:00Z, 1 MONTHS,  2026-09-30, 2026-09-30T22:00:00Z",
        "2026-01-15T09:30:00Z, 2 MONTHS,  2026-03-15, 2026-03-15T23:00:00Z",
        // days and weeks
        "2026-02-20T10:00:00Z, 15 DAYS,   2026-03-07, 2026-03-07T23:00:00Z",
        "2026-02-20T10:00:00Z, 3 WEEKS,   2026-03-13, 2026-03-13T23:00:00Z",
        "2026-12-25T10:00:00Z, 10 DAYS,   2027-01-04, 2027-01-04T23:00:00Z",
        // the receipt day is the Paris day, not the UTC one
        "2026-02-28T23:30:00Z, 2 MONTHS,  2026-05-01, 2026-05-01T22:00:00Z",
        "2026-06-30T22:30:00Z, 1 MONTHS,  2026-08-01, 2026-08-01T22:00:00Z",
        "2026-06-30T21:30:00Z, 1 MONTHS,  2026-07-30, 2026-07-30T22:00:00Z",
        // daylight saving: received the night summer time starts (29 March 2026, 00:30 CET)
        "2026-03-28T23:30:00Z, 1 MONTHS,  2026-04-29, 2026-04-29T22:00:00Z",
        // the last day is the day summer time starts: it ends at midnight CEST (+02:00)
        "2026-01-29T12:00:00Z, 2 MONTHS,  2026-03-29, 2026-03-29T22:00:00Z",
        // received the night winter time comes back (25 October 2026, 00:30 CEST)
        "2026-10-24T22:30:00Z, 1 MONTHS,  2026-11-25, 2026-11-25T23:00:00Z",
        // the last day is the day winter time comes back: it ends at midnight CET (+01:00)
        "2026-08-25T10:00:00Z, 2 MONTHS,  2026-10-25, 2026-10-25T23:00:00Z",
        // across a summer-time change, in days
        "2026-03-20T12:00:00Z, 10 DAYS,   2026-03-30, 2026-03-30T22:00:00Z",
    })
    void implicitDecisionDates(String received, String period, String date, String dueAt) {
        ImplicitDeadline d = calc.start(
                ImplicitDecisionRule.acceptance(period(period), ComplementEffect.CONTINUE), Instant.parse(received));
        assertThat(d).isNotNull();
        assertThat(d.date()).isEqualTo(LocalDate.parse(date));
        assertThat(d.dueAt()).isEqualTo(Instant.parse(dueAt));
        assertThat(d.dueBy(Instant.parse(dueAt).minusSeconds(1))).isFalse();
        assertThat(d.dueBy(Instant.parse(dueAt))).isTrue();
    }

    @ParameterizedTest(name = "{0}: received {1}, suspended {2}, resumed {3} -> {4}")
    @CsvSource({
        // continue: the date moves by the days spent waiting
        "CONTINUE, 2026-01-15T09:30:00Z, 2026-02-01T10:00:00Z, 2026-02-11T10:00:00Z, 2026-03-25",
        "CONTINUE, 2026-01-15T09:30:00Z, 2026-02-01T10:00:00Z, 2026-02-01T16:00:00Z, 2026-03-15",
        // restart: a full period from the day the complement arrives
        "RESTART,  2026-01-15T09:30:00Z, 2026-02-01T10:00:00Z, 2026-02-11T10:00:00Z, 2026-04-11",
        "RESTART,  2025-12-31T09:30:00Z, 2025-12-31T10:00:00Z, 2025-12-31T11:00:00Z, 2026-02-28",
        // the complement arrives in the Paris night after summer time started
        "CONTINUE, 2026-03-01T09:30:00Z, 2026-03-20T10:00:00Z, 2026-03-28T23:30:00Z, 2026-05-10",
    })
    void suspensionWhileAwaitingAComplement(
            ComplementEffect effect, String received, String suspended, String resumed, String expected) {
        ImplicitDecisionRule rule = ImplicitDecisionRule.rejection(DecisionPeriod.months(2), effect);
        ImplicitDeadline d = calc.start(rule, Instant.parse(received));
        ImplicitDeadline s = calc.suspend(d, Instant.parse(suspended));
        assertThat(s.suspended()).isTrue();
        assertThat(s.dueBy(Instant.parse("2030-01-01T00:00:00Z")))
                .as("never due while suspended")
                .isFalse();
        ImplicitDeadline r = calc.resume(rule, s, Instant.parse(resumed));
        assertThat(r.date()).isEqualTo(LocalDate.parse(expected));
        assertThat(r.date()).isAfterOrEqualTo(d.date());
        assertThat(r.suspended()).isFalse();
    }

    @Test
    void incompleteReceipt_periodStartsWithTheMissingPieces() {
        ImplicitDecisionRule rule =
                ImplicitDecisionRule.acceptance(DecisionPeriod.TWO_MONTHS, ComplementEffect.CONTINUE);
        ImplicitDeadline d = calc.startOnComplement(rule, Instant.parse("2026-01-15T09:30:00Z"));
        assertThat(d.suspended()).isTrue();
        assertThat(d.startsOnResume()).isTrue();
        ImplicitDeadline r = calc.resume(rule, d, Instant.parse("2026-02-20T09:30:00Z"));
        assertThat(r.date()).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void projectedDate_neverDecreasesWhileWaiting() {
        ImplicitDecisionRule rule = ImplicitDecisionRule.acceptance(DecisionPeriod.months(1), ComplementEffect.RESTART);
        ImplicitDeadline s = calc.suspend(
                calc.start(rule, Instant.parse("2026-01-31T09:30:00Z")), Instant.parse("2026-01-31T10:00:00Z"));
        LocalDate previous = s.date();
        for (LocalDate day = LocalDate.of(2026, 1, 31); day.isBefore(LocalDate.of(2026, 6, 1)); day = day.plusDays(1)) {
            LocalDate shown = calc.projected(rule, s, day);
            assertThat(shown).isAfterOrEqualTo(previous);
            previous = shown;
        }
    }

    @Test
    void defaultPeriodIsTwoMonths_andNoneHasNoDeadline() {
        assertThat(new ImplicitDecisionRule(org.opengru.core.catalogue.ImplicitDecision.ACCEPTANCE, null, null)
                        .period())
                .isEqualTo(DecisionPeriod.TWO_MONTHS);
        assertThat(calc.start(ImplicitDecisionRule.none(), Instant.parse("2026-01-15T09:30:00Z")))
                .isNull();
    }

    @Test
    void aZoneThatNoFrenchCollectiviteUses_isRefused_andOverseasZonesWork() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeadlineCalculator(java.time.ZoneOffset.UTC))
                .isInstanceOfSatisfying(org.opengru.core.error.ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("zone");
                    assertThat(e.value()).isEqualTo("Z");
                });
        // Saint-Denis de La Réunion, UTC+4: 21:30 UTC is already the next day there.
        DeadlineCalculator reunion = new DeadlineCalculator(java.time.ZoneId.of("Indian/Reunion"));
        ImplicitDeadline d = reunion.start(
                ImplicitDecisionRule.acceptance(DecisionPeriod.months(2), ComplementEffect.CONTINUE),
                Instant.parse("2026-01-30T21:30:00Z"));
        assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(d.dueAt()).as("the end of 31 March in Saint-Denis").isEqualTo(Instant.parse("2026-03-31T20:00:00Z"));
    }
}
