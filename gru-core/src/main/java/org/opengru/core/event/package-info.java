/** Typed domain events and the listener API; events are published only after the change succeeds. */
@NullMarked
package org.opengru.core.event;

import org.jspecify.annotations.NullMarked;
