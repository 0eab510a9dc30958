/** Implementations of the contact log; not API. */
@NullMarked
package org.opengru.core.contact.internal;

import org.jspecify.annotations.NullMarked;
