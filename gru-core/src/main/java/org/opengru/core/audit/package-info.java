/**
 * The tamper-evident audit trail (journal d'audit): append-only, hash-chained per request. Each entry
 * records who (a pseudonymous {@link org.opengru.core.principal.ActorRef}), what, when and from which
 * channel, and hashes the previous entry's hash with its own content, so that {@link
 * org.opengru.core.audit.AuditTrail#verify} detects any edited, deleted or re-ordered entry. No personal
 * data enters the chained content (only pseudonymous ids and hashes): erasing an usager never breaks it.
 */
@NullMarked
package org.opengru.core.audit;

import org.jspecify.annotations.NullMarked;
