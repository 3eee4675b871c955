package dev.cairn.kafka;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a broker for its cluster metadata with one Kafka Metadata request (API key 3, version 4), spoken directly
 * so the launcher needs no Kafka client and no Kafka version on its classpath.
 *
 * <p>Why this means "ready": a KRaft broker only starts answering on its client listener once it has caught up with
 * the metadata log and been unfenced, and it lists only unfenced brokers in the answer. So an answer naming our node
 * and port means producers and consumers can work. The cluster id in the answer tells our broker apart from another
 * process that happens to hold the same port.
 *
 * <p>Version 4 because Kafka 4.0 removed Metadata v0–v3, and v4 is the last version before the "flexible" encoding
 * (compact strings, tagged fields); every 4.x broker answers it.
 */
final class MetadataProbe {

    static final short API_KEY_METADATA = 3;
    static final short API_VERSION = 4;
    static final String CLIENT_ID = "cairn-launcher-probe";
    /** A sane bound on a metadata answer without topics: a length past it means we are not talking to Kafka. */
    private static final int MAX_RESPONSE = 1 << 20;

    record Node(int id, String host, int port) {
    }

    record Answer(String clusterId, int controllerId, List<Node> brokers) {
        boolean lists(String host, int port) {
            return brokers.stream().anyMatch(b -> b.host().equals(host) && b.port() == port);
        }
    }

    private MetadataProbe() {
    }

    /**
     * One request and its answer over a fresh connection.
     *
     * @throws IOException when nothing listens, the broker does not answer within {@code timeout} (it accepts
     *                     connections into its backlog before it serves them), or the answer is not Kafka's
     */
    static Answer ask(String host, int port, int correlationId, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(request(correlationId).array());
            out.flush();
            return parse(readFrame(socket.getInputStream()), correlationId);
        }
    }

    /** The whole request, size prefix included. Header v1: key, version, correlation id, client id. */
    static ByteBuffer request(int correlationId) {
        byte[] client = CLIENT_ID.getBytes(StandardCharsets.UTF_8);
        int size = 2 + 2 + 4 + 2 + client.length + 4 + 1;
        ByteBuffer b = ByteBuffer.allocate(4 + size);
        b.putInt(size);
        b.putShort(API_KEY_METADATA).putShort(API_VERSION).putInt(correlationId);
        b.putShort((short) client.length).put(client);
        b.putInt(0); // topics: an empty array asks for brokers and cluster only (-1 would list every topic)
        b.put((byte) 0); // allow_auto_topic_creation: false
        return b.flip();
    }

    private static ByteBuffer readFrame(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int size = data.readInt();
        if (size < 4 || size > MAX_RESPONSE) {
            throw new IOException("not a Kafka metadata answer (frame size " + size + ")");
        }
        byte[] body = new byte[size];
        data.readFully(body);
        return ByteBuffer.wrap(body);
    }

    /**
     * Parses a response body (after the size prefix): header v0 (correlation id), then throttle time, brokers
     * (id, host, port, rack), cluster id, controller id; the topics that follow are not read.
     */
    static Answer parse(ByteBuffer body, int expectedCorrelationId) throws IOException {
        try {
            int correlationId = body.getInt();
            if (correlationId != expectedCorrelationId) {
                throw new IOException("answer to request " + correlationId + ", expected " + expectedCorrelationId);
            }
            body.getInt(); // throttle_time_ms
            int count = body.getInt();
            if (count < 0 || count > body.remaining()) {
                throw new IOException("not a Kafka metadata answer (broker count " + count + ")");
            }
            List<Node> brokers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int id = body.getInt();
                String host = string(body);
                int port = body.getInt();
                string(body); // rack
                brokers.add(new Node(id, host, port));
            }
            String clusterId = string(body);
            int controllerId = body.getInt();
            return new Answer(clusterId, controllerId, List.copyOf(brokers));
        } catch (BufferUnderflowException e) {
            throw new EOFException("truncated Kafka metadata answer");
        }
    }

    /** A nullable string: int16 length (-1 for null), then UTF-8 bytes. */
    private static String string(ByteBuffer b) throws IOException {
        short length = b.getShort();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > b.remaining()) {
            throw new IOException("not a Kafka metadata answer (string length " + length + ")");
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
