package dev.cairn.kafka;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire format against hand-built frames; the real broker's answers are checked by KafkaBrokerTest. */
class MetadataProbeTest {

    /** A Metadata v4 response body (after the size) as a broker writes it; {@code null} strings as length -1. */
    private static byte[] response(int correlationId, String clusterId, Object... brokers) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(correlationId);
        out.writeInt(0); // throttle
        out.writeInt(brokers.length / 4);
        for (int i = 0; i < brokers.length; i += 4) {
            out.writeInt((Integer) brokers[i]);
            writeString(out, (String) brokers[i + 1]);
            out.writeInt((Integer) brokers[i + 2]);
            writeString(out, (String) brokers[i + 3]);
        }
        writeString(out, clusterId);
        out.writeInt(1); // controller id
        out.writeInt(0); // topics
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeShort(-1);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeShort(b.length);
            out.write(b);
        }
    }

    @Test
    void theRequestIsMetadataVersion4ForNoTopicsWithoutAutoCreation() {
        ByteBuffer r = MetadataProbe.request(7);
        byte[] client = MetadataProbe.CLIENT_ID.getBytes(StandardCharsets.UTF_8);
        assertEquals(r.remaining() - 4, r.getInt(), "size prefix");
        assertEquals(3, r.getShort(), "api key: Metadata");
        assertEquals(4, r.getShort(), "api version");
        assertEquals(7, r.getInt(), "correlation id");
        assertEquals(client.length, r.getShort());
        byte[] actual = new byte[client.length];
        r.get(actual);
        assertArrayEquals(client, actual);
        assertEquals(0, r.getInt(), "topics: empty array, not -1 (all topics)");
        assertEquals(0, r.get(), "allow_auto_topic_creation");
        assertFalse(r.hasRemaining());
    }

    @Test
    void parsesBrokersClusterAndController() throws IOException {
        MetadataProbe.Answer a = MetadataProbe.parse(ByteBuffer.wrap(response(9, "V35mXm4r_MEcYYBoQRJTeQ",
                1, "127.0.0.1", 19092, null, 2, "other", 29092, "rack-a")), 9);
        assertEquals("V35mXm4r_MEcYYBoQRJTeQ", a.clusterId());
        assertEquals(1, a.controllerId());
        assertEquals(List.of(new MetadataProbe.Node(1, "127.0.0.1", 19092), new MetadataProbe.Node(2, "other", 29092)),
                a.brokers());
        assertTrue(a.lists("127.0.0.1", 19092));
        assertFalse(a.lists("127.0.0.1", 29092));
    }

    @Test
    void aBrokerNotYetListedAndANullClusterAreParsedNotRejected() throws IOException {
        MetadataProbe.Answer a = MetadataProbe.parse(ByteBuffer.wrap(response(1, null)), 1);
        assertNull(a.clusterId());
        assertTrue(a.brokers().isEmpty());
    }

    @Test
    void anAnswerToAnotherRequestIsRefused() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> MetadataProbe.parse(ByteBuffer.wrap(response(5, "c")), 6));
        assertTrue(e.getMessage().contains("expected 6"), e.getMessage());
    }

    @Test
    void truncatedOrNonsenseAnswersAreIoErrorsNotRuntimeExceptions() throws IOException {
        byte[] full = response(1, "cluster", 1, "127.0.0.1", 19092, null);
        for (int cut = 0; cut < full.length - 4; cut++) { // the last 4 bytes (the topic count) are not read
            ByteBuffer partial = ByteBuffer.wrap(full, 0, cut);
            assertThrows(IOException.class, () -> MetadataProbe.parse(partial, 1), "cut at " + cut);
        }
        ByteBuffer hugeCount = ByteBuffer.allocate(12).putInt(1).putInt(0).putInt(Integer.MAX_VALUE).flip();
        assertThrows(IOException.class, () -> MetadataProbe.parse(hugeCount, 1));
    }

    @Test
    void asksOverTheWireAndReadsTheFramedAnswer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] request = new byte[in.readInt()];
                    in.readFully(request);
                    byte[] body = response(ByteBuffer.wrap(request, 4, 4).getInt(), "abc", 1, "127.0.0.1", 1234, null);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeInt(body.length);
                    out.write(body);
                    out.flush();
                    return request;
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            MetadataProbe.Answer a = MetadataProbe.ask("127.0.0.1", server.getLocalPort(), 42, Duration.ofSeconds(5));
            assertEquals("abc", a.clusterId());
            assertTrue(a.lists("127.0.0.1", 1234));
            byte[] request = received.get(5, TimeUnit.SECONDS);
            ByteBuffer expected = MetadataProbe.request(42);
            expected.getInt();
            byte[] expectedBody = new byte[expected.remaining()];
            expected.get(expectedBody);
            assertArrayEquals(expectedBody, request);
        }
    }

    @Test
    void aListenerThatNeverAnswersTimesOut() throws Exception {
        // A starting broker's port accepts into its backlog before it serves: the probe must give up, not hang.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(SocketTimeoutException.class,
                    () -> MetadataProbe.ask("127.0.0.1", silent.getLocalPort(), 1, Duration.ofMillis(300))));
        }
    }

    @Test
    void somethingElseOnThePortIsNotTakenForKafka() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket s = http.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the probe may close first
                }
            });
            IOException e = assertThrows(IOException.class,
                    () -> MetadataProbe.ask("127.0.0.1", http.getLocalPort(), 1, Duration.ofSeconds(5)));
            assertTrue(e.getMessage().contains("frame size") || e instanceof EOFException, e.toString());
        }
    }

    @Test
    void nothingListeningIsARefusedConnection() {
        int port = LoopbackPorts.free();
        assertThrows(ConnectException.class, () -> MetadataProbe.ask("127.0.0.1", port, 1, Duration.ofSeconds(2)));
    }
}
