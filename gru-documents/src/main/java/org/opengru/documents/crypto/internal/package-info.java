/** The chunked AES-GCM stream format. */
@NullMarked
package org.opengru.documents.crypto.internal;

import org.jspecify.annotations.NullMarked;
