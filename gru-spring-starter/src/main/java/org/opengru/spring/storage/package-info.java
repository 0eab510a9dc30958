/** Storage selection (memory or PostgreSQL) and the migrations of OpenGRU's tables. */
@NullMarked
package org.opengru.spring.storage;

import org.jspecify.annotations.NullMarked;
