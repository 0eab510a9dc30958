package org.opengru.core.rgpd;

import org.jspecify.annotations.Nullable;

/**
 * What one module erased on a request for erasure, and what it kept with the legal basis for keeping it.
 *
 * @param retained how many items were kept ({@code -1}: all of the section)
 * @param legalBasis why they were kept (such as art. 17.3.b RGPD, a legal retention obligation)
 * @param section the module's section, as in the export
 * @param erased how many items were erased
 */
public record ErasureOutcome(
        String section, int erased, int retained, @Nullable String legalBasis) {}
