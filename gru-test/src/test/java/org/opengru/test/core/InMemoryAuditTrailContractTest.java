package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.audit.AuditAnchor;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.audit.AuditVerification;
import org.opengru.core.id.RequestId;

class InMemoryAuditTrailContractTest extends AuditTrailContract {

    private final AuditTrail trail = AuditTrail.inMemory();

    @Override
    protected AuditTrail auditTrail() {
        return trail;
    }

    /** The in-memory trail anchors every chain; a tail or a whole chain lost shows against it. */
    @Test
    void aTruncatedOrDeletedChainIsDetectedAgainstItsAnchor() {
        RequestId request = RequestId.of(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            trail.append(record(TENANT, request, i));
        }
        List<AuditEntry> stored = trail.entries(TENANT, request);
        AuditAnchor anchor = trail.anchor(TENANT, request).orElseThrow();
        assertThat(anchor).isEqualTo(new AuditAnchor(5, stored.get(4).hash()));
        assertThat(trail.verify(TENANT, request).valid()).isTrue();

        AuditVerification truncated = AuditTrail.verify(request, stored.subList(0, 3), anchor);
        assertThat(truncated.valid()).isFalse();
        assertThat(truncated.brokenAt()).isEqualTo(3);
        assertThat(truncated.problem()).contains("truncated");
        AuditVerification deleted = AuditTrail.verify(request, List.of(), anchor);
        assertThat(deleted.problem()).contains("chain deleted");
        AuditVerification longer = AuditTrail.verify(
                request, stored, new AuditAnchor(4, stored.get(3).hash()));
        assertThat(longer.brokenAt()).isEqualTo(4);

        // Today's check, on the chain alone, lets both through.
        assertThat(AuditTrail.verify(request, stored.subList(0, 3)).valid()).isTrue();
        assertThat(AuditTrail.verify(request, List.of()).valid()).isTrue();
    }
}
