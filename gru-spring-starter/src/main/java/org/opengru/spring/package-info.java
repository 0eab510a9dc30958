/**
 * Spring Boot 4 auto-configuration of OpenGRU: {@link org.opengru.spring.GruProperties} under the
 * prefix {@code gru}, one auto-configuration per module in the sub-packages.
 */
@NullMarked
package org.opengru.spring;

import org.jspecify.annotations.NullMarked;
