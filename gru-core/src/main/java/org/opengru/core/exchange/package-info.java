/** Exchanges: a message thread per request, attachments by reference, read receipts and agent-only internal notes. */
@NullMarked
package org.opengru.core.exchange;

import org.jspecify.annotations.NullMarked;
