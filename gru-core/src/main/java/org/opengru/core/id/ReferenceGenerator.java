package org.opengru.core.id;

import java.util.Objects;
import org.opengru.core.tenancy.TenantId;

/**
 * Makes the short references of requests. The default draws a number from a {@link ReferenceSequence}
 * (so uniqueness lives wherever the sequence lives, typically the database) and scrambles it with a
 * fixed bijection of the 28-bit space, so that consecutive requests do not get consecutive references.
 */
@FunctionalInterface
public interface ReferenceGenerator {

    /**
     * A reference never handed out before in that collectivité.
     *
     * @param tenant the collectivité
     * @return the new reference
     */
    ShortReference next(TenantId tenant);

    /**
     * References from the sequence's numbers; up to 2^28 (268 million) per collectivité.
     *
     * @param sequence where the numbers come from
     * @return a generator; it throws {@link IllegalStateException} once the sequence passes 2^28
     */
    static ReferenceGenerator fromSequence(ReferenceSequence sequence) {
        Objects.requireNonNull(sequence, "sequence");
        return tenant -> {
            long n = sequence.next(tenant);
            if (n < 0 || n >= (1L << 28)) {
                throw new IllegalStateException("reference sequence exhausted for " + tenant + ": " + n);
            }
            return ShortReference.encode(scramble(n));
        };
    }

    /**
     * A bijection of [0, 2^28): odd multiplications and xor-shifts modulo 2^28 are each invertible, so
     * distinct numbers give distinct references while neighbours look unrelated.
     */
    private static long scramble(long n) {
        long mask = (1L << 28) - 1;
        long x = (n * 0x9E3779BL + 0x7F4A7C1L) & mask;
        x ^= x >>> 13;
        x = (x * 0x5851F43L) & mask;
        x ^= x >>> 11;
        return x;
    }
}
