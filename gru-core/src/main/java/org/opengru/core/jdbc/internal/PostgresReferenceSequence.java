package org.opengru.core.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.tenancy.TenantId;

/**
 * Reference numbers from the {@code gru_reference_seq} database sequence: shared by every node, never
 * repeated (for any collectivité), outside any transaction so that a rolled-back command only leaves a gap.
 *
 * <p>The sequence advances by its {@code INCREMENT} (32 since migration V8), and each {@code nextval} leases
 * the block {@code [value, value + increment)} to this node alone: uniqueness still lives in the database
 * (no two nodes can be handed the same block, whatever their number), while a submission spares the round
 * trip of its own {@code nextval} 31 times out of 32. Like PostgreSQL's own {@code CACHE}, the numbers of
 * one block that a node never used (it stopped, or another thread leased a block at the same moment) are
 * gaps, which references allow; the block size is the sequence's, so every node agrees on it.
 */
public final class PostgresReferenceSequence implements ReferenceSequence {

    private static final String LEASE = "SELECT nextval('gru_reference_seq'), s.seqincrement, s.seqmax"
            + " FROM pg_sequence s WHERE s.seqrelid = 'gru_reference_seq'::regclass";

    private final DataSource dataSource;
    private final AtomicReference<@Nullable Block> current = new AtomicReference<>();

    public PostgresReferenceSequence(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Numbers {@code [next, end)} leased to this node. */
    private record Block(AtomicLong next, long end) {
        long take() {
            long n = next.getAndIncrement();
            return n < end ? n : -1;
        }
    }

    @Override
    public long next(TenantId tenant) {
        Block block = current.get();
        if (block != null) {
            long n = block.take();
            if (n >= 0) {
                return n;
            }
        }
        Block leased = lease();
        long n = leased.take();
        // Lost race: another thread installed its own block meanwhile; the rest of ours is a gap.
        current.compareAndSet(block, leased);
        return n;
    }

    private Block lease() {
        try (var c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LEASE);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long first = rs.getLong(1);
            long increment = Math.max(1, rs.getLong(2));
            long max = rs.getLong(3);
            // The last block stops at the sequence's maximum: beyond it the numbers are not ours.
            long end = Math.min(first + increment, max + 1);
            return new Block(new AtomicLong(first), end);
        } catch (java.sql.SQLException e) {
            throw DataAccessException.translate("drawing a reference number", e);
        }
    }
}
