package dev.cairn.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The users of a broker's SASL client listener: PLAIN users (in the listener's JAAS configuration, read on every
 * start) and SCRAM users (credentials for both SCRAM-SHA-256 and SCRAM-SHA-512, written into the cluster metadata
 * when the storage is formatted, so they are fixed on the first start of a directory).
 *
 * <p>Names and passwords are restricted to letters, digits and {@code . _ - ~ @ +}: they are spliced into a
 * JAAS option ({@code user_NAME="PASSWORD"}) and into the format tool's {@code [name=N,password=P]} argument, whose
 * parsers have no escape for every character; a test broker does not need the others.
 *
 * @param plain user name to password, for SASL/PLAIN
 * @param scram user name to password, for SCRAM-SHA-256 and SCRAM-SHA-512
 */
public record SaslUsers(Map<String, String> plain, Map<String, String> scram) {

    static final List<String> SCRAM_MECHANISMS = List.of("SCRAM-SHA-256", "SCRAM-SHA-512");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~@+-]+");

    public SaslUsers {
        plain = sorted(plain);
        scram = sorted(scram);
        if (plain.isEmpty() && scram.isEmpty()) {
            throw new IllegalArgumentException("a SASL listener needs at least one user");
        }
    }

    /** The mechanisms the listener offers, in Kafka's spelling. */
    List<String> mechanisms() {
        List<String> m = new ArrayList<>();
        if (!plain.isEmpty()) {
            m.add("PLAIN");
        }
        if (!scram.isEmpty()) {
            m.addAll(SCRAM_MECHANISMS);
        }
        return m;
    }

    /**
     * The broker settings for the SASL listener {@code listener} (as named in {@code listeners}): which mechanisms
     * it offers and a server-side JAAS login module for each. PLAIN's module checks passwords against its
     * {@code user_NAME} options; SCRAM's module takes no options (the credentials are in the metadata log).
     */
    Map<String, String> listenerProperties(String listener) {
        String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "sasl.enabled.mechanisms", String.join(",", mechanisms()));
        if (!plain.isEmpty()) {
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            plain.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                    .append('"'));
            p.put(prefix + "plain.sasl.jaas.config", jaas.append(';').toString());
        }
        for (String mechanism : scram.isEmpty() ? List.<String>of() : SCRAM_MECHANISMS) {
            p.put(prefix + mechanism.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        return p;
    }

    /** The format tool's arguments that create every SCRAM credential ({@code --add-scram M=[name=N,password=P]}). */
    List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        for (String mechanism : SCRAM_MECHANISMS) {
            scram.forEach((user, password) -> {
                args.add("--add-scram");
                args.add(mechanism + "=[name=" + user + ",password=" + password + "]");
            });
        }
        return args;
    }

    private static Map<String, String> sorted(Map<String, String> users) {
        Map<String, String> copy = new TreeMap<>();
        users.forEach((user, password) -> {
            check("user name", user);
            check("password of " + user, password);
            copy.put(user, password);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    private static void check(String what, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be letters, digits and . _ - ~ @ + only: "
                    + (what.startsWith("password") ? "(not shown)" : "'" + value + "'"));
        }
    }
}
