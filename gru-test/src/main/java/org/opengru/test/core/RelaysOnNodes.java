package org.opengru.test.core;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.test.MutableClock;

/**
 * One webhook relay per node, all running at once against one receiver, for the tests that deliver while
 * writers go on: each relay runs rounds (batches of 5, up to 50 attempts an event, backoff from 1 s to 8 s)
 * while the writers write or its outbox still owes something; an idle round moves the shared clock by half a
 * second, so that backoffs fall due without sleeping.
 */
public final class RelaysOnNodes {

    private RelaysOnNodes() {}

    /**
     * Starts one relay per outbox on {@code threads}.
     *
     * @param threads where the relays run, one thread each
     * @param outboxes each node's outbox
     * @param clock the clock of the nodes, moved on idle rounds
     * @param subscriber the webhook subscriber's name
     * @param uri the receiver's URL
     * @param secret the subscriber's secret
     * @param writing whether the writers are still writing
     * @return the relays' runs, to wait for once the writers are done
     */
    public static List<Future<?>> start(
            ExecutorService threads,
            List<Outbox> outboxes,
            MutableClock clock,
            String subscriber,
            URI uri,
            WebhookSecret secret,
            BooleanSupplier writing) {
        List<Future<?>> relays = new ArrayList<>();
        for (Outbox outbox : outboxes) {
            OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                    .subscriber(WebhookSender.create(
                            new WebhookEndpoint(subscriber, uri, secret, Duration.ofSeconds(5)), clock))
                    .retry(50, Duration.ofSeconds(1), Duration.ofSeconds(8))
                    .batchSize(5)
                    .build();
            relays.add(threads.submit(() -> {
                for (int round = 0;
                        round < 5_000 && (writing.getAsBoolean() || outbox.count(OutboxStatus.PENDING) > 0);
                        round++) {
                    if (relay.runOnce() == 0) {
                        clock.advance(Duration.ofMillis(500)); // let backoffs fall due, no sleeping
                    }
                }
                return null;
            }));
        }
        return relays;
    }
}
