package org.opengru.spring.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the SQL migrations shipped in each OpenGRU jar on the classpath, with Flyway. Each
 * module has its own location ({@code classpath:db/opengru/<module>}) and its own history table
 * ({@code gru_<module>_schema_history}), so they never collide with the host application's own
 * Flyway migrations.
 */
public final class GruMigrations {

    /** The modules whose migrations are applied, in dependency order. */
    public static final List<String> MODULES = List.of("core", "documents", "scheduling", "franceconnect");

    private static final Logger log = LoggerFactory.getLogger(GruMigrations.class);

    private final DataSource dataSource;

    public GruMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The modules whose migrations are on the classpath, in order. */
    public static List<String> presentModules(ClassLoader classLoader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        List<String> present = new ArrayList<>();
        for (String module : MODULES) {
            String scripts = "classpath*:" + location(module) + "/V*.sql";
            try {
                if (resolver.getResources(scripts).length > 0) {
                    present.add(module);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + scripts, e);
            }
        }
        return present;
    }

    /** Where a module's scripts are, relative to the classpath root. */
    public static String location(String module) {
        return "db/opengru/" + module;
    }

    /** Migrates every module present; returns the number of migrations applied. */
    public int migrate(ClassLoader classLoader) {
        int applied = 0;
        for (String module : presentModules(classLoader)) {
            Flyway flyway = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .locations("classpath:" + location(module))
                    .table("gru_" + module + "_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load();
            int count = flyway.migrate().migrationsExecuted;
            log.info("OpenGRU {}: {} migration(s) applied", module, count);
            applied += count;
        }
        return applied;
    }
}
