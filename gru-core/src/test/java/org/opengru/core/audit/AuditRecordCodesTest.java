package org.opengru.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/** The audit record's codes and keys, checked by hand on the hot path, accept exactly what the patterns say. */
class AuditRecordCodesTest {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    @Test
    void codesAndKeysAreWhatThePatternsAccept() {
        // Mostly the characters at stake (ASCII, with the separators), then any text, at every length around the
        // bounds.
        qt().withExamples(20_000)
                .forAll(
                        strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 140),
                        strings().betweenCodePoints(0, 0x2FF).ofLengthBetween(0, 70),
                        integers().between(0, 3))
                .checkAssert((ascii, any, pick) -> {
                    String s = switch (pick) {
                        case 0 -> ascii;
                        case 1 -> any;
                        case 2 -> ascii.replaceAll("[^A-Za-z0-9._:-]", "a");
                        default -> ascii.replaceAll("[^A-Za-z0-9._-]", "b").substring(0, Math.min(ascii.length(), 66));
                    };
                    assertThat(AuditRecord.isCode(s, AuditRecord.CODE_MAX, true))
                            .as("code %s", s)
                            .isEqualTo(CODE.matcher(s).matches());
                    assertThat(AuditRecord.isCode(s, AuditRecord.KEY_MAX, false))
                            .as("key %s", s)
                            .isEqualTo(KEY.matcher(s).matches());
                });
        assertThat(AuditRecord.isCode(null, AuditRecord.CODE_MAX, true)).isFalse();
    }

    @Test
    void aBadCodeKeyOrValueIsRefusedNamingThePart() {
        TenantId tenant = TenantId.of("commune-audit");
        RequestId id = RequestId.of(java.util.UUID.randomUUID());
        ActorRef actor = new ActorRef(ActorKind.USAGER, "u1");
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        assertThatThrownBy(() -> new AuditRecord(tenant, id, actor, ":submit", "WEB", at, Map.of()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("audit.action", ":submit"));
        assertThatThrownBy(() -> new AuditRecord(tenant, id, actor, "submit", "W EB", at, Map.of()))
                .hasMessageContaining("audit.channel");
        assertThatThrownBy(() -> new AuditRecord(tenant, id, actor, "submit", "WEB", at, Map.of("a:b", "x")))
                .hasMessageContaining("audit.details")
                .hasMessageContaining("a:b");
        assertThatThrownBy(() -> new AuditRecord(tenant, id, actor, "submit", "WEB", at, Map.of("to", "x".repeat(257))))
                .hasMessageContaining("audit.details.to")
                .hasMessageContaining("at most 256");
        assertThat(new AuditRecord(tenant, id, actor, "status:ACCEPTED", "WEB", at, Map.of("b", "2", "a", "1"))
                        .details())
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }
}
