package org.opengru.spring.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@code gru.storage=jdbc} without a DataSource, and what to do. */
class GruStorageFailureAnalyzer
        extends AbstractFailureAnalyzer<GruStorageAutoConfiguration.MissingDataSourceException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, GruStorageAutoConfiguration.MissingDataSourceException cause) {
        return new FailureAnalysis(
                "OpenGRU was asked to keep its data in PostgreSQL (gru.storage=jdbc), but the application defines no DataSource.",
                "Set spring.datasource.url, spring.datasource.username and spring.datasource.password (and add a"
                        + " PostgreSQL driver and spring-boot-starter-jdbc), or set gru.storage=memory for a demonstration.",
                cause);
    }
}
