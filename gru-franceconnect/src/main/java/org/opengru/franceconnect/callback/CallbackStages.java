package org.opengru.franceconnect.callback;

import java.util.Map;
import java.util.Objects;
import org.opengru.franceconnect.flow.PendingLogin;
import org.opengru.franceconnect.rp.AcrLevel;
import org.opengru.franceconnect.token.ValidatedIdToken;

/**
 * The callback's stages, run in this order; each one may be replaced (to add a check, log, or adapt
 * to a provider) without touching the others.
 */
public record CallbackStages(
        ErrorResponseStage errorResponse,
        StateStage state,
        IssuerStage issuer,
        CodeExchangeStage codeExchange,
        IdTokenStage idToken,
        UserInfoStage userInfo) {

    public CallbackStages {
        Objects.requireNonNull(errorResponse, "errorResponse");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(codeExchange, "codeExchange");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(userInfo, "userInfo");
    }

    /** Surfaces a provider error response; throws {@link ProviderErrorException}. */
    @FunctionalInterface
    public interface ErrorResponseStage {
        void check(CallbackParameters parameters);
    }

    /** Consumes the pending login named by the state (single use); throws {@link InvalidStateException} / {@link ExpiredStateException}. */
    @FunctionalInterface
    public interface StateStage {
        PendingLogin consume(CallbackParameters parameters);
    }

    /** Checks the {@code iss} response parameter; throws {@link IssuerMismatchException}. */
    @FunctionalInterface
    public interface IssuerStage {
        void check(CallbackParameters parameters);
    }

    /** Exchanges the code; throws {@link TokenExchangeException}. */
    @FunctionalInterface
    public interface CodeExchangeStage {
        TokenResponse exchange(String code, PendingLogin login);
    }

    /** Validates the ID token; throws a {@code TokenValidationException}. */
    @FunctionalInterface
    public interface IdTokenStage {
        ValidatedIdToken validate(String idToken, String expectedNonce, AcrLevel requestedAcr);
    }

    /** Fetches and validates userinfo; throws {@link UserInfoException} or a {@code TokenValidationException}. */
    @FunctionalInterface
    public interface UserInfoStage {
        Map<String, Object> fetch(TokenResponse tokens, ValidatedIdToken idToken);
    }

    public CallbackStages withErrorResponse(ErrorResponseStage stage) {
        return new CallbackStages(stage, state, issuer, codeExchange, idToken, userInfo);
    }

    public CallbackStages withState(StateStage stage) {
        return new CallbackStages(errorResponse, stage, issuer, codeExchange, idToken, userInfo);
    }

    public CallbackStages withIssuer(IssuerStage stage) {
        return new CallbackStages(errorResponse, state, stage, codeExchange, idToken, userInfo);
    }

    public CallbackStages withCodeExchange(CodeExchangeStage stage) {
        return new CallbackStages(errorResponse, state, issuer, stage, idToken, userInfo);
    }

    public CallbackStages withIdToken(IdTokenStage stage) {
        return new CallbackStages(errorResponse, state, issuer, codeExchange, stage, userInfo);
    }

    public CallbackStages withUserInfo(UserInfoStage stage) {
        return new CallbackStages(errorResponse, state, issuer, codeExchange, idToken, stage);
    }
}
