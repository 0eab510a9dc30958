package org.opengru.franceconnect.callback;

import java.util.Map;
import java.util.Objects;
import org.opengru.franceconnect.flow.PendingLogin;
import org.opengru.franceconnect.rp.AcrLevel;
import org.opengru.franceconnect.token.ValidatedIdToken;

/**
 * The callback's stages, run in this order; each one may be replaced (to add a check, log, or adapt
 * to a provider) without touching the others.
 *
 * @param errorResponse surfaces a provider error response
 * @param state consumes the pending login
 * @param issuer checks {@code iss}
 * @param codeExchange exchanges the code
 * @param idToken validates the ID token
 * @param userInfo fetches and validates userinfo
 */
public record CallbackStages(
        ErrorResponseStage errorResponse,
        StateStage state,
        IssuerStage issuer,
        CodeExchangeStage codeExchange,
        IdTokenStage idToken,
        UserInfoStage userInfo) {

    /**
     * Checks that every stage is given.
     *
     * @param errorResponse surfaces a provider error response
     * @param state consumes the pending login
     * @param issuer checks {@code iss}
     * @param codeExchange exchanges the code
     * @param idToken validates the ID token
     * @param userInfo fetches and validates userinfo
     * @throws NullPointerException naming the missing stage
     */
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
        /**
         * Does nothing when the callback carries no {@code error}.
         *
         * @param parameters the callback's parameters
         * @throws ProviderErrorException when it does, with whether the state was ours
         */
        void check(CallbackParameters parameters);
    }

    /** Consumes the pending login named by the state (single use); throws {@link InvalidStateException} / {@link ExpiredStateException}. */
    @FunctionalInterface
    public interface StateStage {
        /**
         * Consumes the login so that a replayed callback finds nothing.
         *
         * @param parameters the callback's parameters, browser binding included
         * @return the login the state names
         * @throws InvalidStateException when the state is unknown, used, or bound to another browser
         * @throws ExpiredStateException when the login took too long
         */
        PendingLogin consume(CallbackParameters parameters);
    }

    /** Checks the {@code iss} response parameter; throws {@link IssuerMismatchException}. */
    @FunctionalInterface
    public interface IssuerStage {
        /**
         * Checks {@code iss} against the provider's issuer.
         *
         * @param parameters the callback's parameters
         * @throws IssuerMismatchException when it names another provider, or is missing where announced
         */
        void check(CallbackParameters parameters);
    }

    /** Exchanges the code; throws {@link TokenExchangeException}. */
    @FunctionalInterface
    public interface CodeExchangeStage {
        /**
         * Exchanges the authorization code at the token endpoint, with the PKCE verifier of the login.
         *
         * @param code the authorization code (single use)
         * @param login the consumed login
         * @return the tokens
         * @throws TokenExchangeException on an error answer, a timeout or an unreadable answer
         */
        TokenResponse exchange(String code, PendingLogin login);
    }

    /** Validates the ID token; throws a {@code TokenValidationException}. */
    @FunctionalInterface
    public interface IdTokenStage {
        /**
         * Validates the ID token's signature, claims, nonce and level.
         *
         * @param idToken the ID token as received
         * @param expectedNonce the nonce of the login
         * @param requestedAcr the level asked
         * @return the validated token
         * @throws org.opengru.franceconnect.token.TokenValidationException of the kind that names the failed check
         */
        ValidatedIdToken validate(String idToken, String expectedNonce, AcrLevel requestedAcr);
    }

    /** Fetches and validates userinfo; throws {@link UserInfoException} or a {@code TokenValidationException}. */
    @FunctionalInterface
    public interface UserInfoStage {
        /**
         * Fetches the userinfo with the access token and checks it belongs to the ID token's subject.
         *
         * @param tokens the tokens of the exchange
         * @param idToken the validated ID token
         * @return the userinfo claims
         * @throws UserInfoException when it cannot be fetched or read
         */
        Map<String, Object> fetch(TokenResponse tokens, ValidatedIdToken idToken);
    }

    /**
     * Replaces the error-response stage.
     *
     * @param stage the new stage
     * @return a copy with it
     */
    public CallbackStages withErrorResponse(ErrorResponseStage stage) {
        return new CallbackStages(stage, state, issuer, codeExchange, idToken, userInfo);
    }

    /**
     * Replaces the state stage.
     *
     * @param stage the new stage
     * @return a copy with it
     */
    public CallbackStages withState(StateStage stage) {
        return new CallbackStages(errorResponse, stage, issuer, codeExchange, idToken, userInfo);
    }

    /**
     * Replaces the issuer stage.
     *
     * @param stage the new stage
     * @return a copy with it
     */
    public CallbackStages withIssuer(IssuerStage stage) {
        return new CallbackStages(errorResponse, state, stage, codeExchange, idToken, userInfo);
    }

    /**
     * Replaces the code-exchange stage.
     *
     * @param stage the new stage
     * @return a copy with it
     */
    public CallbackStages withCodeExchange(CodeExchangeStage stage) {
        return new CallbackStages(errorResponse, state, issuer, stage, idToken, userInfo);
    }

    /**
     * Replaces the ID-token stage.
     *
     * @param stage the new stage
     * @return a copy with it
     */
    public CallbackStages withIdToken(IdTokenStage stage) {
        return new CallbackStages(errorResponse, state, issuer, codeExchange, stage, userInfo);
    }

    /**
     * Replaces the userinfo stage.
     *
     * @param stage the new stage
     * @return a copy with it
     */
    public CallbackStages withUserInfo(UserInfoStage stage) {
        return new CallbackStages(errorResponse, state, issuer, codeExchange, idToken, stage);
    }
}
