/** The in-memory payment store (one JVM) and other implementation details. */
@NullMarked
package org.opengru.payments.internal;

import org.jspecify.annotations.NullMarked;
