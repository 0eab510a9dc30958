/** gru-documents wired for Spring: the encrypted document vault. */
@NullMarked
package org.opengru.spring.documents;

import org.jspecify.annotations.NullMarked;
