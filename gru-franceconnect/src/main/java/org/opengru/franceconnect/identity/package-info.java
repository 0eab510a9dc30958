/** The identité pivot returned by FranceConnect. */
@NullMarked
package org.opengru.franceconnect.identity;

import org.jspecify.annotations.NullMarked;
