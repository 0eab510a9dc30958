/** Streaming inspectors behind {@link org.opengru.documents.ingest.DocumentIngestor}: PDF active content, image headers, ZIP polyglots. */
@NullMarked
package org.opengru.documents.ingest.internal;

import org.jspecify.annotations.NullMarked;
