/** Contacts through other channels (phone call, counter visit, postal letter, unthreaded e-mail) recorded against an usager or a request. */
@NullMarked
package org.opengru.core.contact;

import org.jspecify.annotations.NullMarked;
