/** The vault (coffre-fort) of each usager, household or organisation: documents, versions, verification, access, downloads, erasure. */
@NullMarked
package org.opengru.documents.vault;

import org.jspecify.annotations.NullMarked;
