package org.opengru.test.core;

import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresAuditTrailContractTest extends AuditTrailContract {

    private final AuditTrail trail;

    PostgresAuditTrailContractTest(PostgresDatabase db) {
        PostgresPersistence pg =
                PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build();
        pg.migrate();
        this.trail = pg.auditTrail();
    }

    @Override
    protected AuditTrail auditTrail() {
        return trail;
    }
}
