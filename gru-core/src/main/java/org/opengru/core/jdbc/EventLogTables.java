package org.opengru.core.jdbc;

import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;

/**
 * The tables of one aggregate's event log that the outbox relay delivers from, instead of outbox copies
 * (docs/persistence.md, "The relay: cursors instead of copies"). The request log ({@link #requests()}) is
 * the first; another module plugs its own log in with {@link PostgresPersistence.Builder#eventLog}, with
 * tables of the same shape, its aggregate's id column named {@code aggregateColumn} (a {@code uuid}):
 *
 * <ul>
 *   <li>the log: {@code tenant_id}, the aggregate id, {@code position}, {@code occurred_at}, {@code type},
 *       {@code details json}, {@code payload json} whose {@code events} array holds the change's domain
 *       events as {@code {"type": ..., "event": {...}}}, {@code webhook_seq} (the sequence of its first
 *       domain event; numbered per aggregate under the aggregate row's lock, so in commit order) and {@code
 *       tx xid8 DEFAULT pg_current_xact_id()}, with an index on {@code (tenant_id, tx, aggregate, position)};
 *   <li>the cursors, the feed and the dead letters, as {@code gru_delivery}, {@code gru_delivery_feed} and
 *       {@code gru_dead_letter} (migrations V17 and V18) with the aggregate's column.
 * </ul>
 *
 * @param aggregateType the aggregate type of the webhook ({@code aggregate.type}), such as {@code request}
 * @param eventTable the log's table, or a view giving a log these columns (gru-scheduling's bookings compute
 *     theirs from the event row, so that nothing is stored for the relay)
 * @param aggregateColumn the log's column holding the aggregate's id (a {@code uuid})
 * @param deliveryTable the table of the relay's cursors, one per subscriber and aggregate
 * @param feedTable the table of how far each subscriber has looked into each tenant's log
 * @param deadLetterTable the table of the events given up on
 * @param dataSql the webhook's {@code data} as JSON text, an SQL expression over {@code e}, a row with the
 *     event's {@code tenant_id}, aggregate column, {@code type}, {@code details}, {@code payload} and {@code
 *     event} (the domain event's JSON): read when the event is sent, so the aggregate's current state can be
 *     joined
 */
public record EventLogTables(
        String aggregateType,
        String eventTable,
        String aggregateColumn,
        String deliveryTable,
        String feedTable,
        String deadLetterTable,
        String dataSql) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /**
     * Checks the names.
     *
     * @param aggregateType the aggregate type of the webhook ({@code aggregate.type}), such as {@code request}
     * @param eventTable the log's table
     * @param aggregateColumn the log's column holding the aggregate's id (a {@code uuid})
     * @param deliveryTable the table of the relay's cursors, one per subscriber and aggregate
     * @param feedTable the table of how far each subscriber has looked into each tenant's log
     * @param deadLetterTable the table of the events given up on
     * @param dataSql the webhook's {@code data} as JSON text, an SQL expression over the event row {@code e}
     * @throws ValidationException naming the {@code eventLog.*} component that is not a lower-case SQL name,
     *     or {@code eventLog.dataSql} when blank
     */
    public EventLogTables {
        aggregateType = name("eventLog.aggregateType", aggregateType);
        eventTable = name("eventLog.eventTable", eventTable);
        aggregateColumn = name("eventLog.aggregateColumn", aggregateColumn);
        deliveryTable = name("eventLog.deliveryTable", deliveryTable);
        feedTable = name("eventLog.feedTable", feedTable);
        deadLetterTable = name("eventLog.deadLetterTable", deadLetterTable);
        if (dataSql == null || dataSql.isBlank()) {
            throw new ValidationException("eventLog.dataSql", dataSql, "is required");
        }
    }

    private static String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new ValidationException(field, value, "must be a lower-case SQL name");
        }
        return value;
    }

    /**
     * The requests' log: a request event's {@code data} is {@code {"event": ..., "request": <the request as
     * it is when sent>, "requestVersion": n}} (no {@code request} once it is purged); a message's is {@code
     * {"event": ..., "message": <the message>}} and a read receipt's {@code {"event": ..., "message":
     * <the receipt>}}, as before the log.
     *
     * @return the tables of the request event log
     */
    public static EventLogTables requests() {
        return new EventLogTables(
                "request",
                "gru_request_event",
                "request_id",
                "gru_delivery",
                "gru_delivery_feed",
                "gru_dead_letter",
                "CASE WHEN e.type = 'message:READ' THEN '{\"event\":' || e.event::text || ',\"message\":'"
                        + " || coalesce((e.payload -> 'receipt')::text, 'null') || '}'"
                        + " WHEN e.type IN ('message:POST', 'note:POST') THEN '{\"event\":' || e.event::text"
                        + " || ',\"message\":' || coalesce((SELECT m.document::text FROM gru_message m"
                        + " WHERE m.tenant_id = e.tenant_id AND m.id = (e.details ->> 'message')::uuid), 'null') || '}'"
                        + " ELSE '{\"event\":' || e.event::text || coalesce((SELECT ',\"request\":' || r.document::text"
                        + " || ',\"requestVersion\":' || r.version FROM gru_request r"
                        + " WHERE r.tenant_id = e.tenant_id AND r.id = e.request_id), '') || '}' END");
    }
}
