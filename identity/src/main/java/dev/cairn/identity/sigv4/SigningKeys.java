package dev.cairn.identity.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives SigV4 signing keys ({@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service),
 * "aws4_request")}) and caches them: four HMACs per request otherwise, for a key that changes once a day.
 *
 * <p>The cache is keyed by the secret itself (not the access key), so a rotated secret never meets a stale key.
 * It is bounded: past {@link #MAX_ENTRIES} it is emptied and refills with the keys in use, which is cheap and
 * happens at most a few times a day per few thousand active keys. Thread-safe; returned arrays must not be changed.
 */
final class SigningKeys {

    static final int MAX_ENTRIES = 4096;

    private record Key(String secret, String date, String region, String service) {
        @Override
        public String toString() {
            return "SigningKeys.Key[" + date + "/" + region + "/" + service + "]";
        }
    }

    private final ConcurrentHashMap<Key, byte[]> cache = new ConcurrentHashMap<>();

    byte[] signingKey(String secret, String date, String region, String service) {
        Key key = new Key(secret, date, region, service);
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] derived = derive(secret, date, region, service);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, derived);
        return derived;
    }

    int size() {
        return cache.size();
    }

    static byte[] derive(String secret, String date, String region, String service) {
        byte[] kDate = Crypto.hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = Crypto.hmacSha256(kDate, region);
        byte[] kService = Crypto.hmacSha256(kRegion, service);
        return Crypto.hmacSha256(kService, "aws4_request");
    }
}
