package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.hold.ItemEvents;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * A promotion's event is written by scheduling V13's function, which computes its id in SQL ({@code
 * scheduling_item_event_id}): it must be {@link ItemEvents#idOf}'s, the one definition, or a consumer
 * receiving the event in process and by webhook would see two events.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ItemEventIdInSqlTest {

    @Test
    void theIdComputedInSqlIsItemEventsIdOf(PostgresDatabase db) throws Exception {
        SchedulingFixture.migrate(db.dataSource());
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT scheduling_item_event_id(?, ?::uuid, ?)")) {
            qt().forAll(longs().all(), longs().all(), integers().between(0, Integer.MAX_VALUE))
                    .checkAssert((high, low, version) -> {
                        for (String type : new String[] {"registration", "reservation"}) {
                            UUID item = new UUID(high, low);
                            try {
                                ps.setString(1, type);
                                ps.setString(2, item.toString());
                                ps.setInt(3, version);
                                try (ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    assertThat(rs.getObject(1, UUID.class))
                                            .isEqualTo(ItemEvents.idOf(type, item, version)
                                                    .value());
                                }
                            } catch (java.sql.SQLException e) {
                                throw new AssertionError(e);
                            }
                        }
                    });
        }
    }
}
