package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.id.TeamId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.tenancy.TenantId;

/** Teams as JSON documents. */
public final class PostgresTeamDirectory implements TeamDirectory {

    private final JdbcTransactions tx;

    public PostgresTeamDirectory(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void save(Team team) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO gru_team (tenant_id, id, document)"
                            + " VALUES (?, ?, ?::jsonb) ON CONFLICT (tenant_id, id) DO UPDATE SET document = excluded.document")) {
                ps.setString(1, team.tenant().value());
                ps.setString(2, team.id().value());
                ps.setString(3, Documents.json(team));
                ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Team> find(TenantId tenant, TeamId id) {
        // One SELECT, autocommitted: no BEGIN and COMMIT around it (each submission reads its team for the
        // accusé de réception).
        return tx.inSingleStatement(c -> Documents.one(
                c,
                "SELECT document::text FROM gru_team WHERE tenant_id = ? AND id = ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setString(2, id.value());
                },
                Team.class));
    }
}
