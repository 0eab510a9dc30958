package org.opengru.documents.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A {@link KeyProvider} holding AES-256 master keys in memory, for example read from a secret file or
 * environment at start-up. Wraps with AES-256-GCM under a random 96-bit nonce; the key id and the
 * context are authenticated. Immutable and thread-safe.
 *
 * <pre>{@code
 * KeyProvider keys = StaticKeyProvider.builder()
 *         .key("2026-01", key2026)      // older, still unwraps
 *         .key("2026-06", key2026b)
 *         .current("2026-06")
 *         .build();
 * }</pre>
 */
public final class StaticKeyProvider implements KeyProvider {
    private static final int NONCE = 12;

    private final Map<String, SecretKeySpec> keys;
    private final String current;
    private final SecureRandom random;

    private StaticKeyProvider(Map<String, SecretKeySpec> keys, String current, SecureRandom random) {
        this.keys = Map.copyOf(keys);
        this.current = current;
        this.random = random;
    }

    /**
     * Starts a provider with master keys given by the application (from its secret store).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A provider with one fresh random master key: for tests and demos (the key dies with the JVM).
     *
     * @param keyId the id of the generated key
     * @return the provider
     */
    public static StaticKeyProvider generated(String keyId) {
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        return builder().key(keyId, key).current(keyId).random(random).build();
    }

    @Override
    public String currentKeyId() {
        return current;
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, byte[] context) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(current, context));
            byte[] sealed = c.doFinal(dataKey);
            return new WrappedKey(
                    current,
                    ByteBuffer.allocate(NONCE + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, byte[] context) {
        SecretKeySpec key = keys.get(wrapped.keyId());
        if (key == null) {
            throw new UnknownMasterKeyException("no master key with id '" + wrapped.keyId() + "'");
        }
        byte[] all = wrapped.ciphertext();
        if (all.length < NONCE + 16) {
            throw new TamperedCiphertextException("the wrapped key is " + all.length + " bytes long, too short");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
            c.updateAAD(aad(wrapped.keyId(), context));
            return c.doFinal(all, NONCE, all.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException(
                    "the wrapped key does not authenticate under master key '" + wrapped.keyId()
                            + "' (altered, or wrapped for another file)",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] aad(String keyId, byte[] context) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + id.length + context.length)
                .putInt(id.length)
                .put(id)
                .put(context)
                .array();
    }

    @Override
    public String toString() {
        return "StaticKeyProvider[current=" + current + ", keys=" + keys.keySet() + "]";
    }

    /** Collects master keys; each must be 32 bytes (AES-256). */
    public static final class Builder {
        private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        private @Nullable String current;
        private @Nullable SecureRandom random;

        private Builder() {}

        /**
         * Adds a master key; keep the old ones after a rotation until every file is re-wrapped.
         *
         * @param keyId 1 to 128 characters, stored with every wrapped key
         * @param key 32 bytes (AES-256)
         * @return this builder
         * @throws IllegalArgumentException when the id or the key length is wrong, or the id is given twice
         */
        public Builder key(String keyId, byte[] key) {
            if (keyId == null || keyId.isBlank() || keyId.length() > 128) {
                throw new IllegalArgumentException("keyId must be 1..128 characters, got '" + keyId + "'");
            }
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException("master key '" + keyId + "' must be 32 bytes (AES-256), got "
                        + (key == null ? "none" : key.length + " bytes"));
            }
            if (keys.containsKey(keyId)) {
                throw new IllegalArgumentException("master key id '" + keyId + "' is given twice");
            }
            keys.put(keyId, new SecretKeySpec(Arrays.copyOf(key, 32), "AES"));
            return this;
        }

        /**
         * Which key wraps new data keys; by default the only one.
         *
         * @param keyId the id of a key added with {@link #key}
         * @return this builder
         */
        public Builder current(String keyId) {
            this.current = keyId;
            return this;
        }

        /**
         * The random source of the wrapping nonces.
         *
         * @param random a strong random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @return the provider
         * @throws IllegalArgumentException when no key was added, or the current key is not one of them
         */
        public StaticKeyProvider build() {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("keys: at least one master key is needed");
            }
            String cur = current != null ? current : keys.keySet().iterator().next();
            if (!keys.containsKey(cur)) {
                throw new IllegalArgumentException("current: no master key with id '" + cur + "' was given");
            }
            return new StaticKeyProvider(keys, cur, random != null ? random : new SecureRandom());
        }
    }
}
