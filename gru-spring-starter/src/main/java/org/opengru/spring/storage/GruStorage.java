package org.opengru.spring.storage;

import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Where OpenGRU keeps its data in this application, decided once at startup from
 * {@code gru.storage} and the presence of a {@link DataSource}. Every module's auto-configuration
 * picks its in-memory or PostgreSQL adapters from it.
 */
public final class GruStorage {

    /** The two kinds of storage. */
    public enum Kind {
        MEMORY,
        JDBC
    }

    private final Kind kind;
    private final @Nullable DataSource dataSource;

    private GruStorage(Kind kind, @Nullable DataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
    }

    /** In-memory storage: nothing survives a restart. */
    public static GruStorage memory() {
        return new GruStorage(Kind.MEMORY, null);
    }

    /** PostgreSQL storage through {@code dataSource}. */
    public static GruStorage jdbc(DataSource dataSource) {
        return new GruStorage(Kind.JDBC, dataSource);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isJdbc() {
        return kind == Kind.JDBC;
    }

    /** The application's DataSource, when storage is PostgreSQL. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    @Override
    public String toString() {
        return "GruStorage[" + kind + "]";
    }
}
