package org.opengru.test.core;

import org.opengru.core.GruCore;

class InMemoryGruCoreStoresContractTest extends GruCoreStoresContract {

    @Override
    protected GruCore core() {
        return GruCore.builder().clock(clock).build();
    }
}
