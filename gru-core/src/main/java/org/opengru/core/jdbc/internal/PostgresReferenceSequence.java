package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import javax.sql.DataSource;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.tenancy.TenantId;

/**
 * Reference numbers from the {@code gru_reference_seq} database sequence: shared by every node, never
 * repeated (for any collectivité), outside any transaction so that a rolled-back command only leaves a gap.
 */
public final class PostgresReferenceSequence implements ReferenceSequence {

    private final DataSource dataSource;

    public PostgresReferenceSequence(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public long next(TenantId tenant) {
        try (var c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT nextval('gru_reference_seq')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw DataAccessException.translate("drawing a reference number", e);
        }
    }
}
