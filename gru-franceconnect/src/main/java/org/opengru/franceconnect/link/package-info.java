/**
 * Linking a FranceConnect sign-in to a gru-core usager: the identité pivot becomes attributes
 * certified by FranceConnect; an existing usager is linked only on the full pivot identity or an
 * explicit confirmation, never on the e-mail address.
 */
@NullMarked
package org.opengru.franceconnect.link;

import org.jspecify.annotations.NullMarked;
