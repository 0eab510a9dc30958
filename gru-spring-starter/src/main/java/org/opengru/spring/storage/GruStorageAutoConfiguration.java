package org.opengru.spring.storage;

import javax.sql.DataSource;
import org.opengru.spring.GruProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Decides where OpenGRU keeps its data: PostgreSQL through the application's DataSource when
 * there is one (and {@code gru.storage} is not {@code memory}), memory otherwise, with a warning.
 * With PostgreSQL, every module's migrations are applied at startup by the library's own runner
 * ({@link GruMigrations}), the same one a plain-Java application calls.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@EnableConfigurationProperties(GruProperties.class)
public class GruStorageAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GruStorageAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    GruStorage gruStorage(
            GruProperties properties,
            ObjectProvider<DataSource> dataSources,
            ObjectProvider<GruMigrations> migrations,
            ApplicationContext context) {
        DataSource dataSource = properties.storage() == GruProperties.Storage.MEMORY ? null : dataSources.getIfUnique();
        if (dataSource != null) {
            // The host application's own Flyway migrations run first, when it has some.
            if (context.containsBean("flywayInitializer")) {
                context.getBean("flywayInitializer");
            }
            // Every adapter depends on GruStorage, so the tables exist before any of them runs.
            migrations.ifAvailable(GruMigrations::migrate);
            return GruStorage.jdbc(dataSource);
        }
        if (properties.storage() == GruProperties.Storage.JDBC) {
            throw new MissingDataSourceException();
        }
        log.warn("OpenGRU keeps its data in memory: requests, documents and bookings will NOT survive a restart."
                + " Define a DataSource (spring.datasource.url) to keep them in PostgreSQL.");
        return GruStorage.memory();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    GruMigrations gruMigrations(DataSource dataSource) {
        return new GruMigrations(dataSource);
    }

    /** {@code gru.storage=jdbc} without a DataSource; turned into advice by a failure analyzer. */
    public static final class MissingDataSourceException extends IllegalStateException {
        MissingDataSourceException() {
            super("gru.storage is 'jdbc' but the application has no DataSource");
        }
    }
}
