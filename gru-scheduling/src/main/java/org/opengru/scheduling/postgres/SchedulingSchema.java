package org.opengru.scheduling.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.opengru.core.jdbc.EventLogTables;
import org.opengru.core.jdbc.Migrations;

/**
 * The scheduling tables' migrations, shipped in the jar under {@code db/opengru/scheduling/}, applied by
 * gru-core's {@link Migrations} runner like every module's ({@link #migrations()}; the Spring Boot
 * starter runs the same): the history is recorded in {@code gru_schema_history}, under the advisory lock
 * every module takes first, so nodes starting together on a fresh database do not race. A database
 * migrated by an earlier version (history in {@code scheduling_schema_version}) is adopted as it is.
 *
 * <p>gru-core's migrations must run first ({@code Migrations.core().migrate(dataSource)}): the reservation
 * and registration events went to gru-core's {@code gru_outbox}, and V10 and V11 move the rows it held into
 * the booking and item logs' cursors. Without them the second script stops with an error naming the missing tables.
 */
public final class SchedulingSchema {

    /** The migration scripts, in order. */
    public static final List<String> SCRIPTS = List.of(
            "db/opengru/scheduling/V1__scheduling_bookings.sql",
            "db/opengru/scheduling/V2__core_outbox.sql",
            "db/opengru/scheduling/V3__audit_one_index.sql",
            "db/opengru/scheduling/V4__waiting_list_and_rate_limit.sql",
            "db/opengru/scheduling/V5__waiting_list_offers.sql",
            "db/opengru/scheduling/V6__holds_per_person.sql",
            "db/opengru/scheduling/V7__reservations_and_registrations.sql",
            "db/opengru/scheduling/V8__booking_event_log.sql",
            "db/opengru/scheduling/V9__reservation_deposit.sql",
            "db/opengru/scheduling/V10__relay_reads_booking_log.sql",
            "db/opengru/scheduling/V11__item_event_log.sql",
            "db/opengru/scheduling/V12__lighter_booking_row.sql",
            "db/opengru/scheduling/V13__registration_in_one_statement.sql");

    private SchedulingSchema() {}

    /**
     * The booking log as gru-core's outbox relay delivers it (V10): pass it to {@code
     * PostgresPersistence.builder(...).eventLog(...)} on every node that runs the relay, so that booking
     * events reach the webhook subscribers from the log itself, through a cursor per subscriber and booking,
     * without any copy (docs/persistence.md, "Bookings"). Without it the booking events are logged but not
     * delivered.
     *
     * <p>The relay reads the log through the view {@code scheduling_booking_webhook}, which gives each
     * {@code scheduling_booking_event} row the columns {@link EventLogTables} names, computed: its webhook
     * sequence is its position plus one (one webhook event per change, numbered under the booking row's
     * lock), its domain event is built from the row. So a booking writes two rows, its own and its event.
     * The webhook's {@code data} is {@code {"event": {...}}}, the same JSON as the outbox copies had before
     * V10: {@code eventId}, {@code tenant}, {@code occurredAt}, {@code kind}, {@code booking}, {@code
     * service}, {@code resource}, {@code startsAt}, {@code status}, {@code sequence} (the event's position)
     * and, for a move, {@code previousStartsAt}; no personal data. The event type is {@code
     * scheduling.booking.<kind in lower case>}, the aggregate type {@code booking}.
     *
     * @return the tables of the booking log, for the relay
     */
    public static EventLogTables bookingEventLog() {
        return new EventLogTables(
                "booking",
                "scheduling_booking_webhook",
                "booking_id",
                "scheduling_booking_delivery",
                "scheduling_booking_delivery_feed",
                "scheduling_booking_dead_letter",
                "json_build_object('event', e.event)::text");
    }

    /**
     * The reservations' and registrations' logs as gru-core's outbox relay delivers them (V11): pass each to
     * {@code PostgresPersistence.builder(...).eventLog(...)} on every node that runs the relay, as {@link
     * #bookingEventLog()}, so that their events reach the webhook subscribers from the item log itself
     * ({@code scheduling_item_event}), through a cursor per subscriber and item, without any copy
     * (docs/persistence.md, "Reservations, registrations and booking payments"). Without them the events are
     * logged but not delivered.
     *
     * <p>The relay reads each through a view ({@code scheduling_reservation_webhook}, {@code
     * scheduling_registration_webhook}) giving the log's rows of that item type the columns {@link
     * EventLogTables} names: a change told to the webhooks is one webhook event, numbered per item ({@code
     * webhook_seq}, under the item row's lock), its domain event stored as the outbox copies carried it. The
     * webhook's {@code data} is {@code {"event": {eventId, tenant, occurredAt, kind, ...}}}: a reservation's
     * {@code reservation}, {@code reservable}, {@code startsAt}, {@code endsAt}, {@code status}, {@code
     * deposit}, {@code version}; a registration's {@code registration}, {@code session}, {@code eventCode},
     * {@code status}, {@code holdExpiresAt}, {@code version}; no personal data. Aggregate types {@code
     * reservation} and {@code registration}, event types {@code scheduling.reservation.<kind>} and {@code
     * scheduling.registration.<kind>}. Booking payments are logged too but never told to the webhooks.
     *
     * @return the tables of the reservation log, then the registration log's, for the relay
     */
    public static List<EventLogTables> itemEventLogs() {
        return List.of(reservationEventLog(), registrationEventLog());
    }

    /**
     * The reservations' log for the relay, the first of {@link #itemEventLogs()}.
     *
     * @return the tables of the reservation log
     */
    public static EventLogTables reservationEventLog() {
        return itemEventLog("reservation");
    }

    /**
     * The registrations' log for the relay, the second of {@link #itemEventLogs()}.
     *
     * @return the tables of the registration log
     */
    public static EventLogTables registrationEventLog() {
        return itemEventLog("registration");
    }

    private static EventLogTables itemEventLog(String type) {
        return new EventLogTables(
                type,
                "scheduling_" + type + "_webhook",
                "item_id",
                "scheduling_" + type + "_delivery",
                "scheduling_" + type + "_delivery_feed",
                "scheduling_" + type + "_dead_letter",
                "json_build_object('event', e.event)::text");
    }

    /**
     * The text of a script from the jar.
     *
     * @param path the script's name
     * @return the text
     */
    public static String script(String path) {
        try (InputStream in = SchedulingSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This module's migrations, for gru-core's runner.
     *
     * @return the migrations
     */
    public static Migrations migrations() {
        return Migrations.of(
                "scheduling",
                SCRIPTS.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList());
    }

    /**
     * Applies the scripts not yet applied, each in its own transaction; returns how many ran.
     *
     * @param dataSource the database
     * @return how many scripts ran
     */
    public static int migrate(DataSource dataSource) {
        return migrations().migrate(dataSource);
    }
}
