package org.opengru.payments.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.OperationId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;
import org.opengru.payments.Settlement;

/**
 * The payment store in PostgreSQL ({@link PaymentsSchema}'s tables). {@link #settle} is one UPDATE
 * guarded by {@code status = 'PENDING'}: among nodes racing to settle one operation, exactly one changes
 * the row, the others see zero rows updated.
 */
public final class PostgresPaymentStore implements PaymentStore {

    private static final String COLUMNS = "tenant_id, id, operation_id, debt_reference, budget_year, amount_cents,"
            + " object, payer_email, subject, status, created_at, settled_at, authorisation_number, transaction_at,"
            + " paid_cents, usager_id, note";
    /** Sets what erasure removes; the statement's first parameter is the erased object. */
    private static final String ERASE =
            "UPDATE payment SET payer_email = NULL, object = ?, usager_id = NULL, note = NULL";

    private static final String HOLDS_PERSONAL_DATA =
            " AND (payer_email IS NOT NULL OR usager_id IS NOT NULL OR note IS NOT NULL)";
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTransactions tx;

    public PostgresPaymentStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void insert(Payment p) {
        if (p.status() != PaymentStatus.PENDING) {
            throw new IllegalArgumentException("a new payment is pending, not " + p.status());
        }
        try {
            tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO payment (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, NULL)")) {
                    PaymentOrder o = p.order();
                    ps.setString(1, o.tenant().value());
                    ps.setObject(2, p.id().value());
                    ps.setString(3, p.operationId().value());
                    ps.setString(4, o.debtReference());
                    ps.setInt(5, o.budgetYear());
                    ps.setLong(6, o.amountCents());
                    ps.setString(7, o.object());
                    ps.setString(8, o.payerEmail());
                    ps.setString(9, o.subject());
                    ps.setString(10, p.status().name());
                    ps.setTimestamp(11, Timestamp.from(p.createdAt()));
                    ps.setObject(12, o.payer() == null ? null : o.payer().value());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                throw new AlreadyExistsException(
                        "payment operation", p.operationId().value());
            }
            throw e;
        }
    }

    @Override
    public Optional<Payment> find(TenantId tenant, OperationId operationId) {
        return one(
                "SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND operation_id = ?",
                tenant,
                operationId.value());
    }

    @Override
    public Optional<Payment> find(TenantId tenant, PaymentId id) {
        return one("SELECT " + COLUMNS + " FROM payment WHERE tenant_id = ? AND id = ?", tenant, id.value());
    }

    @Override
    public Optional<Payment> settle(TenantId tenant, OperationId operationId, Settlement s) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payment SET status = ?, settled_at = ?,"
                    + " authorisation_number = ?, transaction_at = ?, paid_cents = ?"
                    + " WHERE tenant_id = ? AND operation_id = ? AND status IN ("
                    + states(s.status().from()) + ")"
                    + " RETURNING " + COLUMNS)) {
                ps.setString(1, s.status().name());
                ps.setTimestamp(2, Timestamp.from(s.settledAt()));
                ps.setString(3, s.authorisationNumber());
                ps.setTimestamp(4, s.transactionAt() == null ? null : Timestamp.from(s.transactionAt()));
                if (s.paidCents() == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, s.paidCents());
                }
                ps.setString(6, tenant.value());
                ps.setString(7, operationId.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Payment>empty();
                }
            }
        });
    }

    @Override
    public Optional<Payment> mark(
            TenantId tenant, PaymentId id, PaymentStatus next, Instant at, @Nullable String note) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE payment SET status = ?, settled_at = ?, note = ?"
                    + " WHERE tenant_id = ? AND id = ? AND status IN (" + states(next.from()) + ")"
                    + " RETURNING " + COLUMNS)) {
                ps.setString(1, next.name());
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, note);
                ps.setString(4, tenant.value());
                ps.setObject(5, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<Payment>empty();
                }
            }
        });
    }

    /** The states of the transition table as an SQL list (enum names: no user input reaches it). */
    private static String states(Set<PaymentStatus> states) {
        return states.isEmpty()
                ? "NULL"
                : states.stream().map(st -> "'" + st.name() + "'").collect(Collectors.joining(", "));
    }

    @Override
    public List<Payment> pendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM payment"
                    + " WHERE tenant_id = ? AND status = 'PENDING' AND created_at < ? ORDER BY created_at LIMIT ?")) {
                ps.setString(1, tenant.value());
                ps.setTimestamp(2, Timestamp.from(createdBefore));
                ps.setInt(3, limit);
                return list(ps);
            }
        });
    }

    @Override
    public List<Payment> ofSubject(TenantId tenant, String subject) {
        return listBy("subject", tenant, subject);
    }

    @Override
    public List<Payment> ofPayer(TenantId tenant, UsagerId payer) {
        return listBy("usager_id", tenant, payer.value());
    }

    /** The collectivité's payments whose {@code column} (a constant of this class) is {@code key}. */
    private List<Payment> listBy(String column, TenantId tenant, Object key) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM payment"
                    + " WHERE tenant_id = ? AND " + column + " = ? ORDER BY created_at, id")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, key);
                return list(ps);
            }
        });
    }

    @Override
    public int erasePayer(TenantId tenant, UsagerId payer) {
        return update(ERASE + " WHERE tenant_id = ? AND usager_id = ?" + HOLDS_PERSONAL_DATA, tenant, payer.value());
    }

    @Override
    public int eraseSubject(TenantId tenant, String subject) {
        return update(ERASE + " WHERE tenant_id = ? AND subject = ?" + HOLDS_PERSONAL_DATA, tenant, subject);
    }

    @Override
    public int eraseNotPendingCreatedBefore(TenantId tenant, Instant createdBefore, int limit) {
        return tx.inTransaction(c -> {
            // SKIP LOCKED: two nodes purging at once take different rows. A materialised CTE, not IN (...
            // LIMIT): the planner may run such a subquery more than once and update more than the batch.
            try (PreparedStatement ps = c.prepareStatement("WITH picked AS MATERIALIZED (SELECT id FROM payment"
                    + " WHERE tenant_id = ? AND status <> 'PENDING' AND created_at < ?" + HOLDS_PERSONAL_DATA
                    + " ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                    + " UPDATE payment SET payer_email = NULL, object = ?, usager_id = NULL, note = NULL"
                    + " WHERE tenant_id = ? AND id IN (SELECT id FROM picked)")) {
                ps.setString(1, tenant.value());
                ps.setTimestamp(2, Timestamp.from(createdBefore));
                ps.setInt(3, limit);
                ps.setString(4, PaymentOrder.ERASED_OBJECT);
                ps.setString(5, tenant.value());
                return ps.executeUpdate();
            }
        });
    }

    private int update(String sql, TenantId tenant, Object key) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, PaymentOrder.ERASED_OBJECT);
                ps.setString(2, tenant.value());
                ps.setObject(3, key);
                return ps.executeUpdate();
            }
        });
    }

    private static List<Payment> list(PreparedStatement ps) throws SQLException {
        List<Payment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static @Nullable UsagerId usager(@Nullable UUID id) {
        return id == null ? null : UsagerId.of(id);
    }

    private Optional<Payment> one(String sql, TenantId tenant, Object key) {
        return tx.inTransaction(c -> query(c, sql, tenant, key));
    }

    private static Optional<Payment> query(Connection c, String sql, TenantId tenant, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            ps.setObject(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Payment read(ResultSet rs) throws SQLException {
        PaymentOrder order = new PaymentOrder(
                TenantId.of(rs.getString("tenant_id")),
                rs.getString("debt_reference"),
                rs.getInt("budget_year"),
                rs.getLong("amount_cents"),
                rs.getString("object"),
                rs.getString("payer_email"),
                rs.getString("subject"),
                usager(rs.getObject("usager_id", UUID.class)));
        long paid = rs.getLong("paid_cents");
        Long paidCents = rs.wasNull() ? null : paid;
        return new Payment(
                new PaymentId(rs.getObject("id", UUID.class)),
                new OperationId(rs.getString("operation_id")),
                order,
                PaymentStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "settled_at"),
                rs.getString("authorisation_number"),
                instant(rs, "transaction_at"),
                paidCents,
                rs.getString("note"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
