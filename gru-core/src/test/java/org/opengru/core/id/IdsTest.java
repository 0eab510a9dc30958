package org.opengru.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;

class IdsTest {

    @Test
    void uuidV7_timeOrderedAndStrictlyIncreasingOnAStillClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:30:00Z"));
        IdGenerator ids = new IdGenerator(clock, new SecureRandom());
        List<RequestId> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.newRequestId());
        }
        clock.set(Instant.parse("2026-01-15T09:29:00Z")); // the clock steps back
        made.add(ids.newRequestId());
        for (int i = 1; i < made.size(); i++) {
            assertThat(made.get(i)).isGreaterThan(made.get(i - 1));
        }
        UUID u = made.get(0).value();
        assertThat(u.version()).isEqualTo(7);
        assertThat(u.variant()).isEqualTo(2);
        assertThat(u.getMostSignificantBits() >>> 16)
                .isEqualTo(Instant.parse("2026-01-15T09:30:00Z").toEpochMilli());
        assertThat(RequestId.parse(u.toString())).isEqualTo(made.get(0));
        assertThatThrownBy(() -> RequestId.parse("not-a-uuid"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("requestId"));
    }

    @Test
    void shortReferences_uniquePerTenant_phoneReadable_andCheckSymbolCatchesTypos() {
        ReferenceGenerator refs = ReferenceGenerator.fromSequence(ReferenceSequence.inMemory());
        TenantId tenant = TenantId.of("ville-a");
        Set<ShortReference> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            ShortReference r = refs.next(tenant);
            assertThat(seen.add(r)).isTrue();
            assertThat(r.value()).matches("[23456789ACFHKMRX]{4}-[23456789ACFHKMRX]{4}");
        }
        ShortReference r = refs.next(tenant);
        assertThat(ShortReference.parse(r.value().toLowerCase().replace("-", " ")))
                .isEqualTo(r);
        // Every single-symbol substitution is refused.
        String compact = r.value().replace("-", "");
        for (int pos = 0; pos < compact.length(); pos++) {
            for (char c : ShortReference.ALPHABET.toCharArray()) {
                if (c != compact.charAt(pos)) {
                    String typo = compact.substring(0, pos) + c + compact.substring(pos + 1);
                    assertThatThrownBy(() -> ShortReference.parse(typo)).isInstanceOf(ValidationException.class);
                }
            }
        }
        assertThatThrownBy(() -> ShortReference.parse("0000-0000")).hasMessageContaining("symbols");
    }

    @Test
    void tenantIds() {
        assertThat(TenantId.of("commune-75056").value()).isEqualTo("commune-75056");
        assertThatThrownBy(() -> TenantId.of("Commune 75")).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("tenantId");
            assertThat(e.value()).isEqualTo("Commune 75");
        });
    }
}
