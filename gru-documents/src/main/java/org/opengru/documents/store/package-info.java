/** The metadata store port: documents, versions, wrapped keys, consents and attachments. */
@NullMarked
package org.opengru.documents.store;

import org.jspecify.annotations.NullMarked;
