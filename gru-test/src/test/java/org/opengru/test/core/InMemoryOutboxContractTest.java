package org.opengru.test.core;

import java.time.Clock;
import java.util.Set;
import org.opengru.core.outbox.Outbox;

class InMemoryOutboxContractTest extends OutboxContract {

    @Override
    protected Outbox newOutbox(Clock clock, Set<String> subscribers) {
        return Outbox.inMemory(clock, subscribers);
    }
}
