/** The in-memory registration store. */
@NullMarked
package org.opengru.scheduling.registration.internal;

import org.jspecify.annotations.NullMarked;
