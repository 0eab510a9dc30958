/** Encryption at rest: envelope encryption with one AES-256-GCM data key per file, wrapped by a master key. */
@NullMarked
package org.opengru.documents.crypto;

import org.jspecify.annotations.NullMarked;
