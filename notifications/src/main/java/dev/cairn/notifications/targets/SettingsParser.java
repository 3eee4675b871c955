package dev.cairn.notifications.targets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads targets from variables whose names carry the target's id ({@code CAIRN_NOTIFY_KAFKA_PRIMARY_BROKERS}),
 * which a fixed configuration mapping cannot express: every variable under the prefix is split into kind, id and
 * setting, the setting matched against the known names (longest first, so an id may contain underscores).
 */
final class SettingsParser {
    private static final String ENV_PREFIX = "CAIRN_NOTIFY_";
    private static final String KEY_PREFIX = "cairn.notify.";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Set<String> SASL_MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
    private static final Map<String, List<String>> FIELDS = Map.of(
            "kafka", sortedLongestFirst("BROKERS", "TOPIC", "SASL_MECHANISM", "SASL_USERNAME", "SASL_PASSWORD",
                    "TLS_ENABLED", "TLS_CA_FILE", "TLS_TRUSTSTORE", "TLS_TRUSTSTORE_PASSWORD", "TLS_SKIP_VERIFY",
                    "QUEUE_LIMIT"),
            "webhook", sortedLongestFirst("ENDPOINT", "AUTH_TOKEN", "QUEUE_LIMIT"));

    /** One target's settings as read: setting name → (value, where it came from). */
    private record Raw(String kind, String id, Map<String, String> values, Map<String, String> sources) {
    }

    private final Map<String, Raw> targets = new TreeMap<>();

    List<TargetSettings> read(Map<String, String> environment, Map<String, String> configKeys) {
        configKeys.forEach((name, value) -> {
            if (name.startsWith(KEY_PREFIX)) {
                fromKey(name, value);
            }
        });
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                fromEnv(name, value);
            }
        });
        List<TargetSettings> out = new ArrayList<>();
        for (Raw raw : targets.values()) {
            out.add(raw.kind.equals("kafka") ? kafka(raw) : webhook(raw));
        }
        return out;
    }

    private void fromEnv(String name, String value) {
        String rest = name.substring(ENV_PREFIX.length());
        int underscore = rest.indexOf('_');
        String kind = underscore < 0 ? rest.toLowerCase(Locale.ROOT) : rest.substring(0, underscore).toLowerCase(Locale.ROOT);
        List<String> fields = FIELDS.get(kind);
        if (fields == null) {
            throw new IllegalArgumentException(name + ": unknown notification target kind (kafka or webhook)");
        }
        String idAndField = rest.substring(underscore + 1);
        for (String f : fields) {
            if (idAndField.endsWith("_" + f)) {
                put(kind, idAndField.substring(0, idAndField.length() - f.length() - 1), f, value, name);
                return;
            }
        }
        throw new IllegalArgumentException(name + ": unknown setting; a " + kind + " target takes " + fields);
    }

    private void fromKey(String name, String value) {
        String[] parts = name.substring(KEY_PREFIX.length()).split("\\.", 3);
        List<String> fields = parts.length == 3 ? FIELDS.get(parts[0]) : null;
        if (fields == null) {
            throw new IllegalArgumentException(name + ": expected cairn.notify.kafka|webhook.<id>.<setting>");
        }
        String field = parts[2].replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        if (!fields.contains(field)) {
            throw new IllegalArgumentException(name + ": unknown setting; a " + parts[0] + " target takes " + fields);
        }
        put(parts[0], parts[1], field, value, name);
    }

    /** Environment entries come last and replace what a configuration key set. */
    private void put(String kind, String id, String field, String value, String source) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(source + ": the target id '" + id + "' must be letters, digits, _ or -");
        }
        Raw raw = targets.computeIfAbsent(kind + ":" + id.toLowerCase(Locale.ROOT),
                k -> new Raw(kind, id, new LinkedHashMap<>(), new LinkedHashMap<>()));
        raw.values.put(field, value == null ? "" : value.trim());
        raw.sources.put(field, source);
    }

    private static KafkaSettings kafka(Raw raw) {
        Arn arn = new Arn(raw.id, "kafka");
        List<String> brokers = new ArrayList<>();
        for (String b : require(raw, "BROKERS").split(",")) {
            String broker = b.trim();
            int colon = broker.lastIndexOf(':');
            if (colon <= 0 || !broker.substring(colon + 1).matches("\\d{1,5}")) {
                throw new IllegalArgumentException(raw.sources.get("BROKERS") + ": '" + broker
                        + "' is not host:port");
            }
            brokers.add(broker);
        }
        String topic = require(raw, "TOPIC");
        return new KafkaSettings(arn, brokers, topic, sasl(raw), tls(raw), queueLimit(raw));
    }

    private static KafkaSettings.Sasl sasl(Raw raw) {
        String mechanism = raw.values.get("SASL_MECHANISM");
        String user = raw.values.get("SASL_USERNAME");
        if (blank(mechanism) && blank(user)) {
            return null;
        }
        mechanism = blank(mechanism) ? "PLAIN" : mechanism.toUpperCase(Locale.ROOT);
        if (!SASL_MECHANISMS.contains(mechanism)) {
            throw new IllegalArgumentException(raw.sources.get("SASL_MECHANISM") + ": '" + mechanism
                    + "' is not one of " + SASL_MECHANISMS);
        }
        return new KafkaSettings.Sasl(mechanism, require(raw, "SASL_USERNAME"), require(raw, "SASL_PASSWORD"));
    }

    private static KafkaSettings.Tls tls(Raw raw) {
        String enabled = raw.values.get("TLS_ENABLED");
        boolean anyOther = raw.values.keySet().stream().anyMatch(k -> k.startsWith("TLS_") && !k.equals("TLS_ENABLED"));
        boolean on = blank(enabled) ? anyOther : bool(raw, "TLS_ENABLED");
        if (!on) {
            return null;
        }
        String ca = raw.values.get("TLS_CA_FILE");
        String store = raw.values.get("TLS_TRUSTSTORE");
        if (!blank(ca) && !blank(store)) {
            throw new IllegalArgumentException(raw.sources.get("TLS_CA_FILE") + ": give a CA file or a truststore, "
                    + "not both");
        }
        boolean skip = raw.values.containsKey("TLS_SKIP_VERIFY") && bool(raw, "TLS_SKIP_VERIFY");
        return new KafkaSettings.Tls(blank(ca) ? null : ca, blank(store) ? null : store,
                raw.values.get("TLS_TRUSTSTORE_PASSWORD"), skip);
    }

    private static WebhookSettings webhook(Raw raw) {
        String endpoint = require(raw, "ENDPOINT");
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(raw.sources.get("ENDPOINT") + ": not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(raw.sources.get("ENDPOINT") + ": '" + endpoint
                    + "' is not an http(s) URL");
        }
        String token = raw.values.get("AUTH_TOKEN");
        return new WebhookSettings(new Arn(raw.id, "webhook"), uri, blank(token) ? null : token, queueLimit(raw));
    }

    private static long queueLimit(Raw raw) {
        String v = raw.values.get("QUEUE_LIMIT");
        if (blank(v)) {
            return TargetSettings.DEFAULT_QUEUE_LIMIT;
        }
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(raw.sources.get("QUEUE_LIMIT") + ": '" + v
                + "' is not a positive number of events");
    }

    private static String require(Raw raw, String field) {
        String v = raw.values.get(field);
        if (blank(v)) {
            throw new IllegalArgumentException("the " + raw.kind + " target " + raw.id + " needs "
                    + ENV_PREFIX + raw.kind.toUpperCase(Locale.ROOT) + "_" + raw.id + "_" + field);
        }
        return v;
    }

    private static boolean bool(Raw raw, String field) {
        return switch (raw.values.get(field).toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0", "" -> false;
            default -> throw new IllegalArgumentException(raw.sources.get(field) + ": '" + raw.values.get(field)
                    + "' is not true or false");
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> sortedLongestFirst(String... names) {
        return Arrays.stream(names).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
