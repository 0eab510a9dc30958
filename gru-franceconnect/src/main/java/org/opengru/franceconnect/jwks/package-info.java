/** The provider's signing keys: a cached JWKS with refresh-ahead and rate-limited refetch. */
@NullMarked
package org.opengru.franceconnect.jwks;

import org.jspecify.annotations.NullMarked;
