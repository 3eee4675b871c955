package dev.cairn.kafka;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for the broker's client listener, made with the JDK's {@code keytool} in
 * {@code DIR/tls/} on the first start and reused afterwards (so clients that trusted it keep trusting it):
 * <pre>
 * DIR/tls/broker.p12       the broker's key and certificate (CN and subject alternative names 127.0.0.1, localhost)
 * DIR/tls/ca.pem           the certificate, PEM: what a client trusts (it is its own issuer)
 * DIR/tls/truststore.p12   the certificate as a PKCS12 truststore, for clients that want one
 * </pre>
 * Both stores have the password {@link #STORE_PASSWORD}. It protects nothing: a development and test broker's key
 * lies next to it in the same directory, and PKCS12 files need some password.
 */
record BrokerTls(Path dir) {

    static final String STORE_PASSWORD = "cairn-test-broker";
    private static final String ALIAS = "broker";

    BrokerTls {
        dir = dir.toAbsolutePath().normalize();
    }

    Path keystore() {
        return dir.resolve("broker.p12");
    }

    Path certificatePem() {
        return dir.resolve("ca.pem");
    }

    Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /**
     * The broker settings for the TLS listener {@code listener}. A client certificate is not asked for: clients
     * authenticate with SASL, if at all.
     */
    Map<String, String> listenerProperties(String listener) {
        String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix + "ssl.keystore.type", "PKCS12");
        p.put(prefix + "ssl.keystore.location", keystore().toString());
        p.put(prefix + "ssl.keystore.password", STORE_PASSWORD);
        p.put(prefix + "ssl.key.password", STORE_PASSWORD);
        p.put(prefix + "ssl.client.auth", "none");
        return p;
    }

    /** Makes the three files with {@code keytool} unless all of them are there; writes its output to {@code log}. */
    void ensureCreated(Path keytool, Path log) throws IOException {
        if (Files.isRegularFile(keystore()) && Files.isRegularFile(certificatePem())
                && Files.isRegularFile(truststore())) {
            return;
        }
        Files.createDirectories(dir);
        for (Path f : List.of(keystore(), certificatePem(), truststore())) {
            Files.deleteIfExists(f); // a half-made set from an interrupted start: keytool refuses to add to it
        }
        run(keytool, log, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "3650",
                "-storetype", "PKCS12", "-keystore", keystore().toString(), "-storepass", STORE_PASSWORD,
                "-keypass", STORE_PASSWORD);
        run(keytool, log, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore().toString(),
                "-storepass", STORE_PASSWORD, "-file", certificatePem().toString());
        run(keytool, log, "-importcert", "-noprompt", "-alias", ALIAS, "-file", certificatePem().toString(),
                "-storetype", "PKCS12", "-keystore", truststore().toString(), "-storepass", STORE_PASSWORD);
    }

    private static void run(Path keytool, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(keytool.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool " + args[0] + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool " + args[0], e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed with exit code " + p.exitValue() + " (see " + log
                    + ")");
        }
    }
}
