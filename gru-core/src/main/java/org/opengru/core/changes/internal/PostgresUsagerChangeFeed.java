package org.opengru.core.changes.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.opengru.core.changes.UsagerChange;
import org.opengru.core.changes.UsagerChangeFeed;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;

/**
 * The changes of some usagers from the request event log: a range scan per usager of the timeline's index
 * {@code gru_request_event_timeline} (tenant, usager, time; migrations V17 and V20): no index of its own, since
 * every index entry is paid by every submission, and a tick reads a handful of rows. Reads only the
 * log's key columns and its type: its payload, personal and erasable, is not needed to say that something
 * changed. An event on no usager's timeline (an internal note, an erased one) has no usager and is never
 * a change.
 */
public final class PostgresUsagerChangeFeed implements UsagerChangeFeed {

    private static final String SQL = "SELECT request_id, position, type, occurred_at FROM gru_request_event"
            + " WHERE tenant_id = ? AND usager_id = ANY (?) AND occurred_at > ?"
            + " ORDER BY occurred_at, request_id, position LIMIT ?";

    private final JdbcTransactions tx;

    public PostgresUsagerChangeFeed(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public List<UsagerChange> occurredAfter(TenantId tenant, Set<UsagerId> applicants, Instant after, int limit) {
        if (applicants.isEmpty()) {
            return List.of();
        }
        return tx.inSingleStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement(SQL)) {
                ps.setString(1, tenant.value());
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "uuid", applicants.stream().map(UsagerId::value).toArray()));
                ps.setObject(3, OffsetDateTime.ofInstant(after, ZoneOffset.UTC));
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<UsagerChange> out = new ArrayList<>();
                    while (rs.next()) {
                        UUID request = rs.getObject("request_id", UUID.class);
                        long position = rs.getLong("position");
                        out.add(new UsagerChange(
                                RequestId.of(request),
                                request + ":" + position,
                                rs.getString("type").startsWith("message:")
                                        ? UsagerChange.Kind.MESSAGE
                                        : UsagerChange.Kind.REQUEST,
                                rs.getObject("occurred_at", OffsetDateTime.class)
                                        .toInstant()));
                    }
                    return out;
                }
            }
        });
    }
}
