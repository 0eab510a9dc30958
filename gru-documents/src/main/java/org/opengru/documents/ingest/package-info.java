/** Streaming ingestion of an uploaded file: checks, scan, encryption and storage in one pass, all or nothing. */
@NullMarked
package org.opengru.documents.ingest;

import org.jspecify.annotations.NullMarked;
