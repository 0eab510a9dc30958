package org.opengru.test.core;

import org.opengru.core.GruCore;
import org.opengru.core.changes.UsagerChangeFeed;

class InMemoryUsagerChangeFeedContractTest extends UsagerChangeFeedContract {

    @Override
    protected GruCore core() {
        return GruCore.builder().clock(clock).build();
    }

    @Override
    protected UsagerChangeFeed feed(GruCore core) {
        return UsagerChangeFeed.inMemory(core.events(), core.requestStore());
    }
}
