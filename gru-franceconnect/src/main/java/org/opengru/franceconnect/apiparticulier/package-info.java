/** API Particulier client: typed calls, habilitation allow-list, rate limits and audit. */
@NullMarked
package org.opengru.franceconnect.apiparticulier;

import org.jspecify.annotations.NullMarked;
