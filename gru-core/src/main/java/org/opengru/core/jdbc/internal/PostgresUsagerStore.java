package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Organisation;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Usager;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;

/** Usagers as JSON documents, with the household membership indexed. */
public final class PostgresUsagerStore implements UsagerStore {

    private final JdbcTransactions tx;

    public PostgresUsagerStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    private static Class<? extends Usager> type(String kind) {
        return switch (kind) {
            case "Person" -> Person.class;
            case "Household" -> Household.class;
            case "Organisation" -> Organisation.class;
            default -> throw new IllegalStateException("unknown usager kind " + kind);
        };
    }

    @Override
    public void save(Usager usager) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_usager (tenant_id, id, kind, document)"
                    + " VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (tenant_id, id)"
                    + " DO UPDATE SET kind = excluded.kind, document = excluded.document")) {
                ps.setString(1, usager.tenant().value());
                ps.setObject(2, usager.id().value());
                ps.setString(3, usager.getClass().getSimpleName());
                ps.setString(4, Documents.json(usager));
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM gru_household_member WHERE tenant_id = ? AND household_id = ?")) {
                ps.setString(1, usager.tenant().value());
                ps.setObject(2, usager.id().value());
                ps.executeUpdate();
            }
            if (usager instanceof Household h) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_household_member (tenant_id,"
                        + " household_id, member_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    for (HouseholdMember m : h.members()) {
                        ps.setString(1, h.tenant().value());
                        ps.setObject(2, h.id().value());
                        ps.setObject(3, m.person().value());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        });
    }

    @Override
    public boolean delete(TenantId tenant, UsagerId id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gru_household_member WHERE tenant_id = ?"
                    + " AND (household_id = ? OR member_id = ?)")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                ps.setObject(3, id.value());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM gru_usager WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<Usager> find(TenantId tenant, UsagerId id) {
        // One SELECT: autocommitted, no BEGIN and COMMIT around it (a submission reads several such rows).
        return tx.inSingleStatement(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT kind, document::text FROM gru_usager WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(PostgresRequestStore.JSON.readValue(rs.getString(2), type(rs.getString(1))));
                }
            }
        });
    }

    /** On the index of V16 over the contact e-mail of the JSON document. */
    @Override
    public List<UsagerId> withEmail(TenantId tenant, EmailAddress address, int limit) {
        Objects.requireNonNull(address, "address");
        if (limit < 1) {
            throw new ValidationException("limit", limit, "must be positive");
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM gru_usager WHERE tenant_id = ?"
                    + " AND lower(document #>> '{contact,email,value}') = lower(?) ORDER BY id LIMIT ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, address.value());
                ps.setInt(3, limit);
                List<UsagerId> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new UsagerId(rs.getObject(1, java.util.UUID.class)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public List<Household> householdsOf(TenantId tenant, UsagerId member) {
        return tx.inTransaction(c -> {
            List<Household> out = new ArrayList<>(Documents.list(
                    c,
                    "SELECT u.document::text FROM gru_household_member m JOIN gru_usager u"
                            + " ON u.tenant_id = m.tenant_id AND u.id = m.household_id"
                            + " WHERE m.tenant_id = ? AND m.member_id = ? ORDER BY u.id",
                    ps -> {
                        ps.setString(1, tenant.value());
                        ps.setObject(2, member.value());
                    },
                    Household.class));
            return List.copyOf(out);
        });
    }
}
