/** Tenancy: the collectivité (commune, intercommunalité, syndicat mutualisé) that owns every aggregate. */
@NullMarked
package org.opengru.core.tenancy;

import org.jspecify.annotations.NullMarked;
