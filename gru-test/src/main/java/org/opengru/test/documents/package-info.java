/** The document metadata store contract, to run against every {@link org.opengru.documents.store.DocumentStore} adapter. */
@NullMarked
package org.opengru.test.documents;

import org.jspecify.annotations.NullMarked;
