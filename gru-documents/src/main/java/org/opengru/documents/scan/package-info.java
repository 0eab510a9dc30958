/** The virus-scanning port and its ClamAV adapter; whatever the scanner cannot vouch for is never accepted. */
@NullMarked
package org.opengru.documents.scan;

import org.jspecify.annotations.NullMarked;
