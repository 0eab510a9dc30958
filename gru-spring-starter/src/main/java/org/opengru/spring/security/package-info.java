/** Spring Security sign-in through the gru-franceconnect relying party: FranceConnect for residents, ProConnect for agents. */
@NullMarked
package org.opengru.spring.security;

import org.jspecify.annotations.NullMarked;
