package org.opengru.franceconnect.rp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.nimbusds.jose.util.Base64URL;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.token.IdTokenValidator;
import org.opengru.franceconnect.token.TokenValidationException;
import org.opengru.test.MutableClock;

/** Property: flipping any bit of a valid ID token's header, payload or signature gets it refused. */
class TamperingPropertyTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final HostileProvider provider = new HostileProvider();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void any_single_bit_flip_is_refused_and_the_untouched_token_is_accepted() {
        RelyingParty rp = RelyingParty.builder(RelyingPartyConfig.builder("mairie-test")
                        .provider(ProviderKind.FRANCECONNECT, provider.issuer())
                        .clientId(HostileProvider.CLIENT_ID)
                        .clientAuthentication(ClientAuthentication.clientSecretPost(HostileProvider.CLIENT_SECRET))
                        .redirectUri(URI.create("http://127.0.0.1:8080/fc/callback"))
                        .build())
                .store(new InMemoryLoginFlowStore())
                .clock(clock)
                .build();
        Map<String, String> q = HostileProvider.query(rp.startLogin(null).uri());
        String nonce = q.get("nonce");
        String token =
                provider.sign(provider.idTokenClaims(nonce, clock.instant()).build());
        String[] parts = token.split("\\.");
        IdTokenValidator validator = rp.idTokenValidator();

        qt().withExamples(300)
                .withShrinkCycles(0)
                .forAll(
                        integers().between(0, 2),
                        integers().between(0, 10_000),
                        integers().between(0, 7))
                .checkAssert((segment, index, bit) -> {
                    byte[] bytes = new Base64URL(parts[segment]).decode();
                    bytes[index % bytes.length] ^= (byte) (1 << bit);
                    String[] tampered = parts.clone();
                    tampered[segment] = Base64URL.encode(bytes).toString();
                    String hostile = String.join(".", tampered);
                    assertThatThrownBy(() -> validator.validate(hostile, nonce, AcrLevel.EIDAS1))
                            .as("segment %d byte %d bit %d", segment, index % bytes.length, bit)
                            .isInstanceOf(TokenValidationException.class);
                });

        // Control: the property is not vacuous, the original token passes (and only then burns its nonce).
        assertThat(validator.validate(token, nonce, AcrLevel.EIDAS1).subject()).isEqualTo(HostileProvider.SUB);
    }
}
