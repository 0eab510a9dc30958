/** FranceConnect relying party and API Particulier client. */
@NullMarked
package org.opengru.franceconnect;

import org.jspecify.annotations.NullMarked;
