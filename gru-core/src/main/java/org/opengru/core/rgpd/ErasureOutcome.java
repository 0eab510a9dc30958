package org.opengru.core.rgpd;

import org.jspecify.annotations.Nullable;

/**
 * What one module erased on a request for erasure, and what it kept with the legal basis for keeping it.
 *
 * @param retained how many items were kept ({@code -1}: all of the section)
 * @param legalBasis why they were kept (such as art. 17.3.b RGPD, a legal retention obligation)
 */
public record ErasureOutcome(
        String section, int erased, int retained, @Nullable String legalBasis) {}
