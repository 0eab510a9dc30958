/**
 * Statistics for open data (données ouvertes): per démarche and month, requests received and decided,
 * outcomes, implicit decisions and the median processing time, exported as CSV with no personal data
 * (and an optional secret-statistique threshold for small counts).
 */
@NullMarked
package org.opengru.core.stats;

import org.jspecify.annotations.NullMarked;
