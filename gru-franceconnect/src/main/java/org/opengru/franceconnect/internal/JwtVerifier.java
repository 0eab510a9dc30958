package org.opengru.franceconnect.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.jwks.JwksCache;
import org.opengru.franceconnect.token.DecryptionException;
import org.opengru.franceconnect.token.ForbiddenAlgorithmException;
import org.opengru.franceconnect.token.ForbiddenHeaderException;
import org.opengru.franceconnect.token.InvalidSignatureException;
import org.opengru.franceconnect.token.MalformedTokenException;
import org.opengru.franceconnect.token.UnknownKeyException;

/**
 * Decrypts (FranceConnect+) and verifies a compact JWT against the provider's keys, with the
 * algorithm pinned. Claims are checked by the callers. Thread-safe.
 */
public final class JwtVerifier {
    private static final Set<JWEAlgorithm> JWE_ALGORITHMS = Set.of(JWEAlgorithm.RSA_OAEP_256, JWEAlgorithm.ECDH_ES);
    private static final int MAX_TOKEN_LENGTH = 64 * 1024;
    private static final int MAX_CACHED_VERIFIERS = 64;

    private final JWSAlgorithm algorithm;
    private final JwksCache jwks;
    private final boolean encryptionRequired;
    private final JWKSet decryptionKeys;
    private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();

    public JwtVerifier(JWSAlgorithm algorithm, JwksCache jwks, boolean encryptionRequired, JWKSet decryptionKeys) {
        this.algorithm = algorithm;
        this.jwks = jwks;
        this.encryptionRequired = encryptionRequired;
        this.decryptionKeys = decryptionKeys;
    }

    /** Returns the verified claims, or throws the {@code TokenValidationException} naming the fault. */
    public JWTClaimsSet verify(String token, String what) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new MalformedTokenException(what + " is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        String signed = token;
        int dots = (int) token.chars().filter(c -> c == '.').count();
        if (dots == 4) {
            if (!encryptionRequired) {
                throw new DecryptionException(what + " is encrypted but this provider does not encrypt tokens");
            }
            signed = decrypt(token, what);
        } else if (encryptionRequired) {
            throw new DecryptionException(what + " must be encrypted (JWE) on FranceConnect+");
        } else if (dots != 2) {
            throw new MalformedTokenException(what + " is not a compact JWT");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(signed);
        } catch (ParseException e) {
            throw new MalformedTokenException(what + " is not a JWT: " + e.getMessage(), e);
        }
        if (jwt instanceof PlainJWT) {
            throw new ForbiddenAlgorithmException(what + " is unsigned (alg none)");
        }
        if (!(jwt instanceof SignedJWT jws)) {
            throw new MalformedTokenException(what + " is not a signed JWT");
        }
        JWSHeader header = jws.getHeader();
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new ForbiddenAlgorithmException(
                    what + " is signed with " + header.getAlgorithm() + ", only " + algorithm + " is accepted");
        }
        checkHeader(header, what);
        String kid = header.getKeyID();
        JWK key = jwks.find(kid, algorithm)
                .orElseThrow(() -> new UnknownKeyException(what + " names unknown key kid=" + kid));
        if (!verifies(jws, key, what)) {
            Optional<JWK> replaced = jwks.findAfterSignatureFailure(kid, algorithm, key);
            if (replaced.isEmpty() || !verifies(jws, replaced.get(), what)) {
                throw new InvalidSignatureException(what + " signature does not verify with key kid=" + kid);
            }
        }
        try {
            return jws.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new MalformedTokenException(what + " claims are not a JSON object: " + e.getMessage(), e);
        }
    }

    private static void checkHeader(JWSHeader header, String what) {
        // A token must never choose the key it is checked with.
        if (header.getJWKURL() != null) {
            throw new ForbiddenHeaderException(what + " carries a jku header");
        }
        if (header.getX509CertURL() != null) {
            throw new ForbiddenHeaderException(what + " carries an x5u header");
        }
        if (header.getJWK() != null) {
            throw new ForbiddenHeaderException(what + " embeds a jwk header");
        }
        List<?> chain = header.getX509CertChain();
        if (chain != null && !chain.isEmpty()) {
            throw new ForbiddenHeaderException(what + " carries an x5c header");
        }
        Set<String> crit = header.getCriticalParams();
        if (crit != null && !crit.isEmpty()) {
            throw new ForbiddenHeaderException(what + " carries critical headers " + crit);
        }
    }

    private boolean verifies(SignedJWT jws, JWK key, String what) {
        try {
            return verifier(key).verify(jws.getHeader(), jws.getSigningInput(), jws.getSignature());
        } catch (JOSEException e) {
            // Nimbus refuses illegal signatures (all-zero ECDSA r/s, wrong length) by throwing.
            return false;
        }
    }

    private JWSVerifier verifier(JWK key) {
        JWSVerifier cached = verifiers.get(key);
        if (cached != null) {
            return cached;
        }
        if (verifiers.size() >= MAX_CACHED_VERIFIERS) {
            verifiers.clear();
        }
        JWSVerifier created;
        try {
            if (key instanceof ECKey ec) {
                created = new ECDSAVerifier(ec.toECPublicKey());
            } else if (key instanceof RSAKey rsa) {
                created = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else {
                throw new UnknownKeyException(
                        "key kid=" + key.getKeyID() + " has unsupported type " + key.getKeyType());
            }
        } catch (JOSEException e) {
            throw new UnknownKeyException("key kid=" + key.getKeyID() + " is unusable: " + e.getMessage(), e);
        }
        verifiers.put(key, created);
        return created;
    }

    private String decrypt(String token, String what) {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(token);
        } catch (ParseException e) {
            throw new MalformedTokenException(what + " is not a JWE: " + e.getMessage(), e);
        }
        JWEAlgorithm alg = jwe.getHeader().getAlgorithm();
        if (!(JWEAlgorithm.RSA_OAEP.equals(alg) || JWE_ALGORITHMS.contains(alg))) {
            throw new DecryptionException(what + " is encrypted with refused algorithm " + alg);
        }
        if (!EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
            throw new DecryptionException(what + " is encrypted with refused method "
                    + jwe.getHeader().getEncryptionMethod());
        }
        JWK key = decryptionKey(jwe.getHeader().getKeyID(), alg, what);
        try {
            JWEDecrypter decrypter = key instanceof RSAKey rsa
                    ? new RSADecrypter(rsa.toRSAPrivateKey())
                    : new ECDHDecrypter(((ECKey) key).toECPrivateKey());
            jwe.decrypt(decrypter);
        } catch (JOSEException | RuntimeException e) {
            throw new DecryptionException(what + " cannot be decrypted: " + e.getMessage(), e);
        }
        String inner = jwe.getPayload().toString();
        if (inner.chars().filter(c -> c == '.').count() != 2) {
            throw new DecryptionException(what + " does not hold a signed JWT inside its encryption");
        }
        return inner;
    }

    private JWK decryptionKey(@Nullable String kid, JWEAlgorithm alg, String what) {
        List<JWK> candidates = decryptionKeys.getKeys().stream()
                .filter(k -> JWEAlgorithm.ECDH_ES.equals(alg) ? k instanceof ECKey : k instanceof RSAKey)
                .filter(k -> kid == null || kid.equals(k.getKeyID()))
                .toList();
        if (candidates.isEmpty() || (kid == null && candidates.size() > 1)) {
            throw new DecryptionException(what + " is encrypted to unknown key kid=" + kid);
        }
        return candidates.get(0);
    }
}
