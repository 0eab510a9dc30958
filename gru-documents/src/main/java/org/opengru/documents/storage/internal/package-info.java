/** Blob store adapters: in memory and on the local file system. */
@NullMarked
package org.opengru.documents.storage.internal;

import org.jspecify.annotations.NullMarked;
