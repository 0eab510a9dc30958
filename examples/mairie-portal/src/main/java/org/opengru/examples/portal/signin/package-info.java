/** Signing in: FranceConnect for residents, the agents' directory for agents; the session's principal. */
@NullMarked
package org.opengru.examples.portal.signin;

import org.jspecify.annotations.NullMarked;
