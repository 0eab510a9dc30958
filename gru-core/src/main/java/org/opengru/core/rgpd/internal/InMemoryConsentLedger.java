package org.opengru.core.rgpd.internal;

import java.util.ArrayList;
import java.util.List;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.ConsentRecord;
import org.opengru.core.tenancy.TenantId;

/** The consent ledger in memory. */
public final class InMemoryConsentLedger implements ConsentLedger {

    private final List<ConsentRecord> records = new ArrayList<>();

    @Override
    public synchronized void record(ConsentRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<ConsentRecord> history(TenantId tenant, UsagerId usager) {
        return records.stream()
                .filter(r -> r.tenant().equals(tenant) && r.usager().equals(usager))
                .toList();
    }
}
