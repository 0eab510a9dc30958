/** Spring Boot 4 auto-configuration of OpenGRU. */
@NullMarked
package org.opengru.spring;

import org.jspecify.annotations.NullMarked;
