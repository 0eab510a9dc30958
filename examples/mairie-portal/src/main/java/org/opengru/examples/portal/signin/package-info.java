/**
 * Signing in through the starter's Spring Security chain (FranceConnect for residents, ProConnect for agents
 * with their teams from the agent directory), the pages' filter chain with its CSRF protection, and the
 * signed-in user as the pages see it.
 */
@NullMarked
package org.opengru.examples.portal.signin;

import org.jspecify.annotations.NullMarked;
