/** Content sniffing: what a file really is, from its magic bytes, whatever its name says. */
@NullMarked
package org.opengru.documents.sniff;

import org.jspecify.annotations.NullMarked;
