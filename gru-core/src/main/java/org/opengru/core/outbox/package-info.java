/**
 * The transactional outbox: every domain event is written in the same transaction as the change that
 * caused it, then an {@link org.opengru.core.outbox.OutboxRelay} delivers it to each subscriber (such as
 * the webhook of the logiciel métier) at least once, in order per aggregate, with exponential backoff
 * and a dead-letter state. Several relay nodes may run at once.
 */
@NullMarked
package org.opengru.core.outbox;

import org.jspecify.annotations.NullMarked;
