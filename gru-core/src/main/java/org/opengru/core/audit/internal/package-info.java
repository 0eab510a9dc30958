/** In-memory audit trail and the hashing shared by the adapters; not API. */
@NullMarked
package org.opengru.core.audit.internal;

import org.jspecify.annotations.NullMarked;
