/** PostgreSQL adapters of the core ports; not API. */
@NullMarked
package org.opengru.core.jdbc.internal;

import org.jspecify.annotations.NullMarked;
