/**
 * The checks behind {@link org.opengru.documents.ingest.DocumentIngestor}: streaming image structure
 * walkers, the ZIP tail, and the PDF spool and its verdict on the document's objects (PDFBox).
 */
@NullMarked
package org.opengru.documents.ingest.internal;

import org.jspecify.annotations.NullMarked;
