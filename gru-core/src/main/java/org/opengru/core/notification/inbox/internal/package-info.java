/** Implementations of the inbox port; not API. */
@NullMarked
package org.opengru.core.notification.inbox.internal;

import org.jspecify.annotations.NullMarked;
