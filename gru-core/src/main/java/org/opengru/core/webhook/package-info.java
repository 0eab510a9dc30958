/**
 * The HTTP webhook to the logiciel métier: an {@link org.opengru.core.outbox.OutboxSubscriber} that
 * POSTs each outbox event as a versioned JSON envelope ({@code webhook-event-v1.schema.json} in this
 * package of the jar), signed with HMAC-SHA256 over the timestamp and the body with a per-subscriber
 * secret, and the {@link org.opengru.core.webhook.WebhookVerifier} the receiving side can use.
 */
@NullMarked
package org.opengru.core.webhook;

import org.jspecify.annotations.NullMarked;
