package org.opengru.test.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.scheduling.postgres.BookingEventHashes;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * The booking log's hash is computed twice: by PostgreSQL inside each booking statement ({@code
 * scheduling_booking_event_hash}, V8) and by {@link BookingEventHashes} to verify. Both must agree on every
 * input, or a verifier would report an intact chain as altered: non-ASCII text (lengths in UTF-8 bytes,
 * not UTF-16 units), characters outside the BMP, absent values, microsecond and pre-1970 times.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class BookingEventHashesTest {

    private static PostgresDatabase db;

    @BeforeAll
    static void migrate(PostgresDatabase database) {
        db = database;
        SchedulingFixture.migrate(db.dataSource());
    }

    /** One event's fields: tenant, action, kind, actor, from, to, service, desk, detail, times. */
    private record Case(
            String tenant,
            String actor,
            String from,
            String resource,
            String detail,
            Instant at,
            Instant start,
            String previous) {}

    @Test
    void postgresqlAndJavaComputeTheSameHashAndDigest() throws SQLException {
        List<Case> cases = List.of(
                new Case(
                        "commune-69123",
                        "usager:0190",
                        null,
                        "guichet-1",
                        null,
                        Instant.parse("2026-06-01T08:00:00Z"),
                        Instant.parse("2026-06-10T09:00:00Z"),
                        BookingEventHashes.GENESIS),
                new Case(
                        "commune-é",
                        "agent:hélène",
                        "BOOKED",
                        "guichet-été",
                        "Absence de l'agent : congé maladie, à reprogrammer",
                        Instant.parse("2026-06-01T08:00:00.123456Z"),
                        Instant.parse("2026-06-10T09:00:00.000001Z"),
                        "a".repeat(64)),
                new Case(
                        "commune-😀",
                        "agent:𝔞𝔟",
                        "HELD",
                        "salle-🏛",
                        "note 😀 𝔞 — « fin »",
                        Instant.parse("1969-12-31T23:59:59.999999Z"),
                        Instant.parse("1900-01-01T00:00:00Z"),
                        "b".repeat(64)),
                new Case(
                        "t",
                        "system:hold-reaper",
                        "",
                        "d",
                        "",
                        Instant.parse("2100-12-31T23:59:59.5Z"),
                        Instant.EPOCH,
                        ""));
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT scheduling_booking_event_hash(?, ?::uuid, ?, ?::uuid,"
                        + " ?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?::timestamptz, ?, ?),"
                        + " scheduling_digest(?)")) {
            int position = 0;
            for (Case k : cases) {
                UUID booking = UUID.randomUUID();
                UUID event = UUID.randomUUID();
                String digest = k.detail() == null ? null : BookingEventHashes.digest(k.detail());
                Object[] args = {
                    k.tenant(),
                    booking.toString(),
                    position,
                    event.toString(),
                    "cancel_by_agent",
                    "CANCELLED",
                    k.actor(),
                    OffsetDateTime.ofInstant(k.at(), ZoneOffset.UTC),
                    k.from(),
                    "CANCELLED_BY_AGENT",
                    "passeport",
                    k.resource(),
                    OffsetDateTime.ofInstant(k.start(), ZoneOffset.UTC),
                    digest,
                    k.previous(),
                    k.detail()
                };
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1))
                            .as("hash of %s", Arrays.toString(args))
                            .isEqualTo(BookingEventHashes.hash(
                                    k.tenant(),
                                    booking,
                                    position,
                                    event,
                                    "cancel_by_agent",
                                    "CANCELLED",
                                    k.actor(),
                                    k.at(),
                                    k.from(),
                                    "CANCELLED_BY_AGENT",
                                    "passeport",
                                    k.resource(),
                                    k.start(),
                                    digest,
                                    k.previous()));
                    assertThat(rs.getString(2)).as("digest of %s", k.detail()).isEqualTo(digest);
                }
                position += 7;
            }
        }
    }
}
