package org.opengru.spring.storage;

import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.UnsupportedDatabaseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a DataSource that is not PostgreSQL, or an older PostgreSQL than OpenGRU supports. */
class UnsupportedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnsupportedDatabaseException cause) {
        return new FailureAnalysis(
                "OpenGRU cannot keep its data in this database: it found " + cause.product() + " "
                        + cause.version() + " and needs PostgreSQL " + Migrations.MINIMUM_POSTGRESQL
                        + " or newer. Nothing was migrated.",
                "Point spring.datasource.url at a PostgreSQL " + Migrations.MINIMUM_POSTGRESQL
                        + " or newer server (upgrade this one with pg_upgrade; the README lists the versions"
                        + " tested), or set gru.storage=memory for a demonstration without a database.",
                cause);
    }
}
