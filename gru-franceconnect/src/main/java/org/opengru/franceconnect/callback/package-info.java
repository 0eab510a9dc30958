/** The authorization callback as separate, replaceable stages. */
@NullMarked
package org.opengru.franceconnect.callback;

import org.jspecify.annotations.NullMarked;
