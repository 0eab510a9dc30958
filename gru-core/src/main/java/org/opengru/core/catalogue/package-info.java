/** The démarche catalogue: procedure definitions as plain data (schema, pieces, implicit-decision rule, routing, retention), versioned, loadable from JSON or YAML. */
@NullMarked
package org.opengru.core.catalogue;

import org.jspecify.annotations.NullMarked;
