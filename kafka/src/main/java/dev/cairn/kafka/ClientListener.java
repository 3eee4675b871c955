package dev.cairn.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the broker's client listener (the port of {@link KafkaBroker#bootstrapServers()}) protects itself: SASL
 * users, TLS, both, or neither.
 *
 * @param sasl null without SASL
 * @param tls  null without TLS
 */
record ClientListener(SaslUsers sasl, BrokerTls tls) {

    static final ClientListener PLAINTEXT = new ClientListener(null, null);

    /** The listener's {@code security.protocol}, which its clients must use too. */
    String protocol() {
        return (sasl == null ? "" : "SASL_") + (tls == null ? "PLAINTEXT" : "SSL");
    }

    boolean isPlaintext() {
        return sasl == null && tls == null;
    }

    List<String> saslMechanisms() {
        return sasl == null ? List.of() : sasl.mechanisms();
    }

    /** The per-listener settings for {@code listener}: SASL mechanisms and users, the TLS keystore. */
    Map<String, String> properties(String listener) {
        Map<String, String> p = new LinkedHashMap<>();
        if (sasl != null) {
            p.putAll(sasl.listenerProperties(listener));
        }
        if (tls != null) {
            p.putAll(tls.listenerProperties(listener));
        }
        return p;
    }
}
