package org.opengru.test.core;

import org.opengru.core.audit.AuditTrail;

class InMemoryAuditTrailContractTest extends AuditTrailContract {

    private final AuditTrail trail = AuditTrail.inMemory();

    @Override
    protected AuditTrail auditTrail() {
        return trail;
    }
}
