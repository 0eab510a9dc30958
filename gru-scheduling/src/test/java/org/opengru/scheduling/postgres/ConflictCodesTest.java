package org.opengru.scheduling.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Every PostgreSQL conflict code counts as "someone else was faster"; other errors do not. */
class ConflictCodesTest {

    @Test
    void exclusionUniqueSerializationAndDeadlockAreConflicts() {
        for (String state : new String[] {"23P01", "23505", "40001", "40P01"}) {
            assertThat(PostgresBookingStore.isConflict(new SQLException("conflict", state)))
                    .as(state)
                    .isTrue();
        }
        assertThat(PostgresBookingStore.isConflict(new SQLException("syntax", "42601")))
                .isFalse();
        assertThat(PostgresBookingStore.isConflict(new SQLException("check", "23514")))
                .isFalse();
    }

    @Test
    void theTwoMeaningfulUniqueIndexesAreRecognised() {
        assertThat(PostgresBookingStore.violatedIndex(new SQLException(
                        "ERROR: duplicate key value violates unique constraint \"scheduling_booking_one_active\"",
                        "23505")))
                .isEqualTo("scheduling_booking_one_active");
        assertThat(PostgresBookingStore.violatedIndex(new SQLException(
                        "ERROR: duplicate key value violates unique constraint \"scheduling_booking_idempotency\"",
                        "23505")))
                .isEqualTo("scheduling_booking_idempotency");
        assertThat(PostgresBookingStore.violatedIndex(new SQLException(
                        "ERROR: duplicate key value violates unique constraint \"scheduling_booking_pkey\"", "23505")))
                .isNull();
        assertThat(PostgresBookingStore.violatedIndex(new SQLException("conflicting key value", "23P01")))
                .isNull();
    }

    @Test
    void theHoldLimitTriggerIsRecognisedAndNoOtherCheck() {
        assertThat(PostgresBookingStore.isHoldLimit(new SQLException(
                        "ERROR: new row for relation \"scheduling_booking\" violates \"scheduling_booking_hold_limit\":"
                                + " 2 unexpired holds of at most 2",
                        "23514")))
                .isTrue();
        assertThat(PostgresBookingStore.isHoldLimit(new SQLException(
                        "ERROR: new row for relation \"scheduling_booking\" violates check constraint"
                                + " \"scheduling_booking_hold_limit_range\"",
                        "23514")))
                .isFalse();
    }

    @Test
    void theMigrationShipsInTheJar() {
        assertThat(SchedulingSchema.script(SchedulingSchema.SCRIPTS.get(0)))
                .contains("EXCLUDE USING gist")
                .contains("scheduling_booking_one_active");
        assertThat(SchedulingSchema.script(SchedulingSchema.SCRIPTS.get(5)))
                .startsWith("-- OpenGRU scheduling: at most")
                .contains("CREATE TRIGGER scheduling_booking_hold_limit");
    }
}
