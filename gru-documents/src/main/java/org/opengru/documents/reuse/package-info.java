/** Reuse of stored documents and data proofs for a démarche's required pieces, with the usager's consent per démarche. */
@NullMarked
package org.opengru.documents.reuse;

import org.jspecify.annotations.NullMarked;
