/** The demo profile: seeded residents and requests, a local FranceConnect-shaped OpenID provider, an API Particulier sandbox. */
@NullMarked
package org.opengru.examples.portal.demo;

import org.jspecify.annotations.NullMarked;
