package org.opengru.examples.portal.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SlotPeriodTest {

    // Sunday 6 December 2026; the horizon is Thursday 4 February 2027.
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final LocalDate HORIZON = LocalDate.of(2027, 2, 4);

    @Test
    void opensOnTheWeekOfTheEarliestFreeSlot() {
        SlotPeriod p = SlotPeriod.of(null, null, LocalDate.of(2026, 12, 9), TODAY, HORIZON);
        assertThat(p)
                .isEqualTo(new SlotPeriod(
                        true,
                        LocalDate.of(2026, 12, 7),
                        LocalDate.of(2026, 12, 13),
                        LocalDate.of(2026, 11, 30),
                        LocalDate.of(2026, 12, 14)));
    }

    @Test
    void theNextWeekAndTheFirstOneThatStartsToday() {
        assertThat(SlotPeriod.of("semaine", "2026-12-14", LocalDate.of(2026, 12, 9), TODAY, HORIZON))
                .isEqualTo(new SlotPeriod(
                        true,
                        LocalDate.of(2026, 12, 14),
                        LocalDate.of(2026, 12, 20),
                        LocalDate.of(2026, 12, 7),
                        LocalDate.of(2026, 12, 21)));
        // The week before the first: only today, nothing before it.
        assertThat(SlotPeriod.of("semaine", "2026-11-30", null, TODAY, HORIZON))
                .isEqualTo(new SlotPeriod(true, TODAY, TODAY, null, LocalDate.of(2026, 12, 7)));
    }

    @Test
    void oneDayAtATimeWithinTodayAndTheHorizon() {
        assertThat(SlotPeriod.of("jour", "2027-03-01", null, TODAY, HORIZON))
                .isEqualTo(new SlotPeriod(false, HORIZON, HORIZON, HORIZON.minusDays(1), null));
        assertThat(SlotPeriod.of("jour", "hier", LocalDate.of(2026, 12, 9), TODAY, HORIZON)
                        .first())
                .isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(SlotPeriod.of("jour", "2001-01-01", null, TODAY, HORIZON).previous())
                .isNull();
    }
}
