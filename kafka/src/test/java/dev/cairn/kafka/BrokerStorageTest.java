package dev.cairn.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerStorageTest {

    @TempDir
    Path dir;

    @Test
    void formattedMeansKafkasMetaPropertiesExistsAndTheClusterIdComesFromIt() throws IOException {
        BrokerStorage storage = new BrokerStorage(dir);
        assertFalse(storage.isFormatted());
        Files.createDirectories(storage.logDir());
        // as kafka.tools.StorageTool format writes it
        Files.writeString(storage.logDir().resolve("meta.properties"), """
                #
                #Sat Nov 22 04:25:06 UTC 2026
                node.id=1
                directory.id=1pPQb2fZmT0nY0y7-9-Q3Q
                version=1
                cluster.id=V35mXm4r_MEcYYBoQRJTeQ
                """);
        assertTrue(storage.isFormatted());
        assertEquals("V35mXm4r_MEcYYBoQRJTeQ", storage.clusterId());
    }

    @Test
    void metaPropertiesWithoutAClusterIdIsAnError() throws IOException {
        BrokerStorage storage = new BrokerStorage(dir);
        Files.createDirectories(storage.logDir());
        Files.writeString(storage.logDir().resolve("meta.properties"), "node.id=1\n");
        IOException e = assertThrows(IOException.class, storage::clusterId);
        assertTrue(e.getMessage().contains("cluster.id"), e.getMessage());
    }

    @Test
    void filesLiveInTheDirectoryWhichIsMadeAbsolute() {
        BrokerStorage storage = new BrokerStorage(Path.of("data/kafka"));
        assertTrue(storage.dir().isAbsolute());
        assertEquals(storage.dir().resolve("storage"), storage.logDir());
        assertEquals(storage.dir().resolve("server.properties"), storage.serverProperties());
        assertEquals(storage.dir().resolve("broker.log"), storage.logFile());
    }

    @Test
    void newClusterIdsAreSixteenBytesOfUrlSafeBase64AndDiffer() {
        Set<String> seen = new HashSet<>();
        RandomGenerator random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            String id = BrokerStorage.newClusterId(random);
            assertEquals(22, id.length(), id);
            assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void idsStartingWithADashAndReservedIdsAreDrawnAgain() {
        // 0xF8 in the first byte encodes as '-' (62) in URL-safe base64; then the all-zero and the metadata topic id
        byte[][] draws = {fill((byte) 0xF8), new byte[16], one(), fill((byte) 0x11)};
        RandomGenerator scripted = new RandomGenerator() {
            int next;

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(draws[next++], 0, bytes, 0, 16);
            }

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }
        };
        String id = BrokerStorage.newClusterId(scripted);
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(fill((byte) 0x11)), id);
        assertNotEquals('-', id.charAt(0));
    }

    private static byte[] fill(byte b) {
        byte[] bytes = new byte[16];
        java.util.Arrays.fill(bytes, b);
        return bytes;
    }

    private static byte[] one() {
        byte[] bytes = new byte[16];
        bytes[15] = 1;
        return bytes;
    }
}
