/** The FranceConnect relying party: per-tenant configuration, discovery, login and logout (fournisseur de service FranceConnect / FranceConnect+). */
@NullMarked
package org.opengru.franceconnect.rp;

import org.jspecify.annotations.NullMarked;
