package org.opengru.test.reservation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.opengru.test.postgres.PostgresDatabase;

/** The item log (scheduling V11) in tests: emptied and tampered with as its owner, its triggers set aside. */
final class ItemLogFixture {

    private ItemLogFixture() {}

    /** Empties the item log and the relay's tables over it, with the other tables named. */
    static void truncate(PostgresDatabase db, String others) {
        // As the tables' owner: the log refuses TRUNCATE to the application.
        db.execute("ALTER TABLE scheduling_item_event DISABLE TRIGGER scheduling_item_event_no_truncate");
        db.execute("TRUNCATE scheduling_item_event, scheduling_reservation_delivery,"
                + " scheduling_reservation_delivery_feed, scheduling_reservation_dead_letter,"
                + " scheduling_registration_delivery, scheduling_registration_delivery_feed,"
                + " scheduling_registration_dead_letter, " + others);
        db.execute("ALTER TABLE scheduling_item_event ENABLE TRIGGER scheduling_item_event_no_truncate");
    }

    /** Runs the statements as the owner would, the append-only trigger disabled for them. */
    static void asOwnerWithoutTrigger(PostgresDatabase db, String... sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE scheduling_item_event DISABLE TRIGGER scheduling_item_event_append_only");
            for (String one : sql) {
                s.execute(one);
            }
            s.execute("ALTER TABLE scheduling_item_event ENABLE TRIGGER scheduling_item_event_append_only");
            c.commit();
        }
    }
}
