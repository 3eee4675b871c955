package dev.cairn.notifications.targets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A Kafka target ({@code CAIRN_NOTIFY_KAFKA_<ID>_*}).
 *
 * @param brokers bootstrap servers, {@code host:port}
 * @param sasl    null without SASL
 * @param tls     null without TLS
 */
public record KafkaSettings(Arn arn, List<String> brokers, String topic, Sasl sasl, Tls tls, long queueLimit)
        implements TargetSettings {

    public KafkaSettings {
        brokers = List.copyOf(brokers);
    }

    /** @param mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 */
    public record Sasl(String mechanism, String username, String password) {
    }

    /**
     * @param caFile             PEM file of the CA certificates to trust, or null
     * @param truststore         a JKS/PKCS12 truststore, or null
     * @param truststorePassword its password, or null
     * @param skipVerify         trust any certificate and name (tests, self-signed brokers)
     */
    public record Tls(String caFile, String truststore, String truststorePassword, boolean skipVerify) {
    }

    /**
     * The producer configuration: every event acknowledged by all in-sync replicas, idempotent (a retried send
     * is not written twice, and the order of one partition holds across retries), bounded blocking so that a
     * broker that is down fails a send within seconds and the forwarder retries later.
     */
    public Properties producerProperties() {
        Properties p = new Properties();
        p.put("bootstrap.servers", String.join(",", brokers));
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("max.in.flight.requests.per.connection", "5");
        p.put("linger.ms", "5");
        // a forwarder batch is up to 500 events of ~1 KiB: a few produce requests, not one per 16 KiB default batch
        p.put("batch.size", "262144");
        p.put("max.block.ms", "5000");
        p.put("request.timeout.ms", "5000");
        p.put("delivery.timeout.ms", "15000");
        p.put("reconnect.backoff.max.ms", "2000");
        p.put("client.id", "cairn-notify-" + arn.id());
        p.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        String protocol = (sasl == null ? "" : "SASL_") + (tls == null ? "PLAINTEXT" : "SSL");
        if (sasl != null) {
            p.put("sasl.mechanism", sasl.mechanism());
            String module = sasl.mechanism().equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put("sasl.jaas.config", module + " required username=\"" + jaasEscape(sasl.username())
                    + "\" password=\"" + jaasEscape(sasl.password()) + "\";");
        }
        p.put("security.protocol", protocol);
        if (tls != null) {
            tlsProperties(p);
        }
        return p;
    }

    private void tlsProperties(Properties p) {
        if (tls.skipVerify()) {
            p.put("ssl.engine.factory.class", TrustAllSslEngineFactory.class.getName());
            return;
        }
        if (tls.caFile() != null) {
            p.put("ssl.truststore.type", "PEM");
            p.put("ssl.truststore.location", tls.caFile());
        } else if (tls.truststore() != null) {
            p.put("ssl.truststore.location", tls.truststore());
            if (tls.truststorePassword() != null) {
                p.put("ssl.truststore.password", tls.truststorePassword());
            }
        }
    }

    private static String jaasEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("arn", arn.toString());
        d.put("brokers", brokers);
        d.put("topic", topic);
        d.put("sasl", sasl == null ? "off" : sasl.mechanism() + " as " + sasl.username());
        d.put("tls", tls == null ? "off" : tls.skipVerify() ? "on, certificates not verified" : "on");
        d.put("queueLimit", queueLimit);
        return d;
    }
}
