package org.opengru.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;

class ReplyTokensTest {

    static final TenantId T = TenantId.of("commune-test");
    final ReplyTokens tokens = new ReplyTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aTokenVerifiesToItsRequestInItsTenantOnly() {
        RequestId r = RequestId.of(UUID.randomUUID());
        String token = tokens.token(T, r);
        assertThat(token).matches("r-[a-z2-7]{42}");
        assertThat(tokens.verify(T, token)).isEqualTo(r);
        assertThat(tokens.verify(T, token.toUpperCase().replace("R-", "r-"))).isEqualTo(r);
        assertThatThrownBy(() -> tokens.verify(TenantId.of("commune-voisine"), token))
                .isInstanceOf(ForgedReplyTokenException.class)
                .hasMessageContaining("commune-voisine");
    }

    @Test
    void anotherKeyCannotMakeAValidToken() {
        RequestId r = RequestId.of(UUID.randomUUID());
        ReplyTokens attacker = new ReplyTokens("attacker-key-attacker-key-attack".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> tokens.verify(T, attacker.token(T, r))).isInstanceOf(ForgedReplyTokenException.class);
    }

    @Test
    void propertyAnySingleCharacterChangeIsRefused() {
        qt().withExamples(300)
                .forAll(
                        longs().all(),
                        longs().all(),
                        integers().between(2, 43),
                        integers().between(1, 31))
                .checkAssert((hi, lo, position, shift) -> {
                    String token = tokens.token(T, RequestId.of(new UUID(hi, lo)));
                    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
                    char c = token.charAt(position);
                    char other = alphabet.charAt((alphabet.indexOf(c) + shift) % 32);
                    String forged = token.substring(0, position) + other + token.substring(position + 1);
                    assertThatThrownBy(() -> tokens.verify(T, forged)).isInstanceOf(ForgedReplyTokenException.class);
                });
    }

    @Test
    void theLastCharactersPaddingBitsCannotBeVaried() {
        // Regression: 26 bytes take 42 base32 characters, the last one with two padding bits; a decoder
        // that ignored them accepted four spellings of each token (found by InboundMailTest).
        String token = tokens.token(T, RequestId.of(UUID.randomUUID()));
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for (char c : alphabet.toCharArray()) {
            String variant = token.substring(0, token.length() - 1) + c;
            if (!variant.equals(token)) {
                assertThatThrownBy(() -> tokens.verify(T, variant)).isInstanceOf(ForgedReplyTokenException.class);
            }
        }
    }

    @Test
    void malformedTokensAreRefusedNotIgnored() {
        assertThatThrownBy(() -> tokens.verify(T, "r-abc")).isInstanceOf(ForgedReplyTokenException.class);
        assertThatThrownBy(() -> tokens.verify(T, "r-" + "1".repeat(42))).isInstanceOf(ForgedReplyTokenException.class);
        assertThat(ReplyTokens.find("Re: votre demande [#r-abcdefghijklmnopqrstuvwxyz]"))
                .contains("r-abcdefghijklmnopqrstuvwxyz");
        assertThat(ReplyTokens.find("Re: rendez-vous")).isEmpty();
    }

    @Test
    void replyAddressUsesPlusAddressing() {
        RequestId r = RequestId.of(UUID.randomUUID());
        EmailAddress a = tokens.replyAddress(T, r, EmailAddress.parse("mairie@commune-test.fr"));
        assertThat(a.value()).isEqualTo("mairie+" + tokens.token(T, r) + "@commune-test.fr");
        assertThatThrownBy(() -> tokens.replyAddress(
                        T, r, EmailAddress.parse("service-etat-civil-et-elections@commune-test.fr")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("replyTokens.mailbox");
        assertThatThrownBy(() -> new ReplyTokens(new byte[16]))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("32 bytes");
    }
}
