/**
 * The live follow-up (suivi en direct): what changed for an usager after a cursor, read from the requests'
 * event log. A page that follows an usager's requests asks {@link org.opengru.core.changes.UsagerChanges}
 * at each tick (one indexed query) and rereads the requests only when something changed.
 */
@NullMarked
package org.opengru.core.changes;

import org.jspecify.annotations.NullMarked;
