/** Storage of pending logins (state, nonce, PKCE verifier) shared by every node. */
@NullMarked
package org.opengru.franceconnect.flow;

import org.jspecify.annotations.NullMarked;
