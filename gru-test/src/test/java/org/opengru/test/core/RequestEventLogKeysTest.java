package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.jdbc.Migrations;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * Issue 22 item 6: the event log's tables can be distributed by collectivité (Citus) without a schema
 * change, which needs every primary and unique key to lead with {@code tenant_id} (a unique index that
 * does not include the distribution column cannot be enforced across shards).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class RequestEventLogKeysTest {

    static final List<String> DISTRIBUTED =
            List.of("gru_request", "gru_request_event", "gru_delivery", "gru_delivery_feed", "gru_dead_letter");

    @Test
    void everyPrimaryAndUniqueKeyOfTheLogsTablesLeadsWithTheCollectivite(PostgresDatabase db) throws Exception {
        Migrations.core().migrate(db.dataSource());
        Keys keys = keys(db, DISTRIBUTED);
        assertThat(keys.all())
                .contains(
                        "gru_request_event.gru_request_event_pkey",
                        "gru_request_event.gru_request_event_idempotency",
                        "gru_delivery.gru_delivery_pkey",
                        "gru_delivery_feed.gru_delivery_feed_pkey",
                        "gru_dead_letter.gru_dead_letter_pkey",
                        "gru_request.gru_request_reference");
        assertThat(keys.notLedByTenant()).isEmpty();
    }

    /** The same for gru-scheduling's booking log and the relay's tables over it (scheduling V8, V10). */
    @Test
    void everyPrimaryAndUniqueKeyOfTheBookingLogsTablesLeadsWithTheCollectivite(PostgresDatabase db) throws Exception {
        SchedulingFixture.migrate(db.dataSource());
        Keys keys = keys(
                db,
                List.of(
                        "scheduling_booking",
                        "scheduling_booking_event",
                        "scheduling_booking_delivery",
                        "scheduling_booking_delivery_feed",
                        "scheduling_booking_dead_letter"));
        assertThat(keys.all())
                .contains(
                        "scheduling_booking.scheduling_booking_idempotency",
                        "scheduling_booking_event.scheduling_booking_event_pkey",
                        "scheduling_booking_delivery.scheduling_booking_delivery_pkey",
                        "scheduling_booking_delivery_feed.scheduling_booking_delivery_feed_pkey",
                        "scheduling_booking_dead_letter.scheduling_booking_dead_letter_pkey");
        assertThat(keys.notLedByTenant()).isEmpty();
    }

    /**
     * The same for gru-scheduling's item log (reservations, registrations, booking payments) and the
     * relay's tables over it (scheduling V11).
     */
    @Test
    void everyPrimaryAndUniqueKeyOfTheItemLogsTablesLeadsWithTheCollectivite(PostgresDatabase db) throws Exception {
        SchedulingFixture.migrate(db.dataSource());
        List<String> tables = new ArrayList<>(List.of(
                "scheduling_item_event",
                "scheduling_reservation",
                "scheduling_registration",
                "scheduling_booking_payment"));
        for (String type : List.of("reservation", "registration")) {
            tables.addAll(List.of(
                    "scheduling_" + type + "_delivery",
                    "scheduling_" + type + "_delivery_feed",
                    "scheduling_" + type + "_dead_letter"));
        }
        Keys keys = keys(db, tables);
        assertThat(keys.all())
                .contains(
                        "scheduling_item_event.scheduling_item_event_pkey",
                        "scheduling_reservation_delivery.scheduling_reservation_delivery_pkey",
                        "scheduling_reservation_delivery_feed.scheduling_reservation_delivery_feed_pkey",
                        "scheduling_reservation_dead_letter.scheduling_reservation_dead_letter_pkey",
                        "scheduling_registration_delivery.scheduling_registration_delivery_pkey",
                        "scheduling_registration_delivery_feed.scheduling_registration_delivery_feed_pkey",
                        "scheduling_registration_dead_letter.scheduling_registration_dead_letter_pkey");
        assertThat(keys.notLedByTenant()).isEmpty();
    }

    private record Keys(List<String> all, List<String> notLedByTenant) {}

    private static Keys keys(PostgresDatabase db, List<String> tables) throws Exception {
        List<String> keys = new ArrayList<>();
        List<String> notLedByTenant = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT t.relname, i.relname,"
                        + " (SELECT attname FROM pg_attribute WHERE attrelid = t.oid AND attnum = x.indkey[0])"
                        + " FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid"
                        + " WHERE x.indisunique AND t.relname = ANY (?) ORDER BY 1, 2")) {
            ps.setArray(1, c.createArrayOf("text", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "." + rs.getString(2);
                    keys.add(key);
                    if (!"tenant_id".equals(rs.getString(3))) {
                        notLedByTenant.add(key + " leads with " + rs.getString(3));
                    }
                }
            }
        }
        return new Keys(keys, notLedByTenant);
    }
}
