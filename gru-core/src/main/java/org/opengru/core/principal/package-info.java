/** Who acts: an usager (possibly for others), an agent of a collectivité with teams, or the system. */
@NullMarked
package org.opengru.core.principal;

import org.jspecify.annotations.NullMarked;
