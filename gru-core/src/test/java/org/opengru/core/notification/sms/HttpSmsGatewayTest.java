package org.opengru.core.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.value.PhoneNumber;

class HttpSmsGatewayTest {

    private final LoopbackSmsEndpoint endpoint = new LoopbackSmsEndpoint();
    private final HttpSmsGateway gateway = new HttpSmsGateway(endpoint.uri(), "secret-token", Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private static SmsMessage message() {
        return new SmsMessage(PhoneNumber.parse("06 12 34 56 78"), "MAIRIE", "Votre RDV est confirmé", "ref-1");
    }

    @Test
    void postsJsonWithTheBearerTokenAndReturnsTheProviderId() {
        String id = gateway.send(message());
        assertThat(id).isEqualTo("sms-1");
        assertThat(endpoint.received()).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer secret-token");
            assertThat(r.body()).contains("\"to\":\"+33612345678\"", "\"from\":\"MAIRIE\"", "confirmé");
        });
    }

    @Test
    void clientErrorsArePermanentServerErrorsAreNot() {
        endpoint.answer(400);
        assertThatThrownBy(() -> gateway.send(message()))
                .isInstanceOf(SmsGatewayException.class)
                .satisfies(
                        e -> assertThat(((SmsGatewayException) e).permanent()).isTrue());
        endpoint.answer(503);
        assertThatThrownBy(() -> gateway.send(message()))
                .isInstanceOf(SmsGatewayException.class)
                .satisfies(
                        e -> assertThat(((SmsGatewayException) e).permanent()).isFalse());
        endpoint.answer(429);
        assertThatThrownBy(() -> gateway.send(message()))
                .satisfies(e -> assertThat(((SmsGatewayException) e).status()).isEqualTo(429));
    }

    @Test
    void anUnreachableGatewayIsTransient() {
        URI closed = endpoint.uri();
        endpoint.close();
        HttpSmsGateway dead = new HttpSmsGateway(closed, null, Duration.ofSeconds(2));
        assertThatThrownBy(() -> dead.send(message()))
                .isInstanceOf(SmsGatewayException.class)
                .satisfies(
                        e -> assertThat(((SmsGatewayException) e).permanent()).isFalse());
    }

    @Test
    void plainHttpOnlyOnLoopback() {
        assertThatThrownBy(
                        () -> new HttpSmsGateway(URI.create("http://sms.example.fr/send"), null, Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sms.endpoint");
    }

    @Test
    void invalidPhoneNumbersAreRefusedWithTheirValue() {
        for (String bad : new String[] {"06 12 34 56", "+33 6 12 34 56 78 9", "0012", "+0612345678", "téléphone"}) {
            assertThatThrownBy(() -> PhoneNumber.parse(bad))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(
                            e -> assertThat(((ValidationException) e).field()).isEqualTo("phone"))
                    .hasMessageContaining(bad);
        }
        assertThat(PhoneNumber.parse("+262 262 12 34 56").value()).isEqualTo("+262262123456");
        assertThat(PhoneNumber.parse("0033 1 23 45 67 89").value()).isEqualTo("+33123456789");
        assertThatThrownBy(() -> new SmsMessage(PhoneNumber.parse("0612345678"), "MAIRIE DE PARIS", "x", "r"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("sms.sender");
    }
}
