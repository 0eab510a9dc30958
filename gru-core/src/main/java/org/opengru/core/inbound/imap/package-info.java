/** The IMAP mailbox adapter (Jakarta Mail / Eclipse Angus, optional dependencies). */
@NullMarked
package org.opengru.core.inbound.imap;

import org.jspecify.annotations.NullMarked;
