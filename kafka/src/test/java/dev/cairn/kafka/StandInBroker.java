package dev.cairn.kafka;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Stands in for {@code kafka.Kafka FILE} in {@link LauncherTest}, behaving as {@code -Dstandin.mode} says:
 * {@code serve} answers Metadata requests like a ready broker; {@code silent} accepts connections and never answers;
 * {@code other-cluster} answers for another cluster; {@code exit} fails at once; {@code stubborn} serves and ignores
 * SIGTERM (its shutdown hook never ends).
 */
public final class StandInBroker {

    private StandInBroker() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("standin.mode", "serve");
        if (mode.equals("exit")) {
            System.err.println("stand-in: refusing to start (as asked)");
            System.exit(3);
        }
        Properties server = load(Path.of(args[0]));
        String listener = server.getProperty("advertised.listeners"); // PLAINTEXT://127.0.0.1:PORT
        int port = Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
        Properties meta = load(Path.of(server.getProperty("log.dirs")).resolve("meta.properties"));
        String cluster = meta.getProperty("cluster.id");
        if (mode.equals("other-cluster")) {
            cluster = "not-" + cluster;
        }
        if (mode.equals("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(3_600_000);
                } catch (InterruptedException ignored) {
                    // only SIGKILL ends this JVM now
                }
            }));
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            System.out.println("stand-in: listening on " + port + " in mode " + mode);
            while (true) {
                Socket client = socket.accept();
                if (mode.equals("silent")) {
                    continue; // held open, never read
                }
                String id = cluster;
                Thread.ofVirtual().start(() -> answer(client, id, port));
            }
        }
    }

    private static void answer(Socket client, String cluster, int port) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            while (true) {
                byte[] request = new byte[in.readInt()];
                in.readFully(request);
                int correlationId = ByteBuffer.wrap(request).getInt(4);
                byte[] body = metadataAnswer(correlationId, cluster, port);
                out.writeInt(body.length);
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the probe closed the connection
        }
    }

    private static byte[] metadataAnswer(int correlationId, String cluster, int port) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(correlationId);
        out.writeInt(0);
        out.writeInt(1);
        out.writeInt(1);
        writeString(out, "127.0.0.1");
        out.writeInt(port);
        out.writeShort(-1);
        writeString(out, cluster);
        out.writeInt(1);
        out.writeInt(0);
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }
}
