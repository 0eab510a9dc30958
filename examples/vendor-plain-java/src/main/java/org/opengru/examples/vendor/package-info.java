/** A vendor's product embedding OpenGRU in plain Java, without any framework. */
@NullMarked
package org.opengru.examples.vendor;

import org.jspecify.annotations.NullMarked;
