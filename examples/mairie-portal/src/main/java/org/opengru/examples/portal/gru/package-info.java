/** OpenGRU wired on the portal's DataSource: gru-core, gru-documents, gru-scheduling. */
@NullMarked
package org.opengru.examples.portal.gru;

import org.jspecify.annotations.NullMarked;
