/** FranceConnect benchmarks: ID token validation against a cached JWKS. */
@NullMarked
package org.opengru.benchmarks.franceconnect;

import org.jspecify.annotations.NullMarked;
