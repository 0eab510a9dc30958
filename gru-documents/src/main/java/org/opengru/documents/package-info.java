/** The document vault (coffre-fort numérique) and the reuse of pièces justificatives. */
@NullMarked
package org.opengru.documents;

import org.jspecify.annotations.NullMarked;
