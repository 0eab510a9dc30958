/** Implementations of the notification ports; not API. */
@NullMarked
package org.opengru.core.notification.internal;

import org.jspecify.annotations.NullMarked;
