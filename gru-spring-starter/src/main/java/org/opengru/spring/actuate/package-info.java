/** Actuator health indicators and Micrometer metrics of OpenGRU. */
@NullMarked
package org.opengru.spring.actuate;

import org.jspecify.annotations.NullMarked;
