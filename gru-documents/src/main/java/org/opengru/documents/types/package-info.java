/** Document types (pièces justificatives) and their validity rules, as data; national types plus each commune's own. */
@NullMarked
package org.opengru.documents.types;

import org.jspecify.annotations.NullMarked;
