/** Usagers: persons (identité pivot with provenance), households, organisations, and mandates to act for another. */
@NullMarked
package org.opengru.core.usager;

import org.jspecify.annotations.NullMarked;
