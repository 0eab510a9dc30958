/** Where encrypted file contents live (the blob store port) and its adapters. */
@NullMarked
package org.opengru.documents.storage;

import org.jspecify.annotations.NullMarked;
