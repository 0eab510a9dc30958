/** gru-scheduling wired for Spring: booking store, sites from the properties, booking service. */
@NullMarked
package org.opengru.spring.scheduling;

import org.jspecify.annotations.NullMarked;
