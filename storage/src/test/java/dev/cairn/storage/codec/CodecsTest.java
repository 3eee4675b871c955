package dev.cairn.storage.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CodecsTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Codecs.PROPERTY);
    }

    @Test
    void selfTestPassesForEveryAvailableImplementation() {
        assertDoesNotThrow(Codecs::selfTest);
    }

    @Test
    void goldenCheckRejectsACodecThatWritesOtherParity() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GoldenVectors.check((k, m) -> new OffByOneBit(new JavaTableCodec(k, m))));
        assertTrue(e.getMessage().contains("self-test failed: java-table 4+2 parity shard 0 byte 0"),
                e.getMessage());
    }

    @Test
    void defaultIsTheFastestAvailable() {
        Codecs.Implementation expected = IsalCodec.isAvailable() ? Codecs.Implementation.ISAL
                : Codecs.Implementation.VECTOR;
        assertEquals(expected, Codecs.selected());
        System.setProperty(Codecs.PROPERTY, "auto");
        assertEquals(expected, Codecs.selected());
    }

    @Test
    void propertyForcesAnImplementation() {
        System.setProperty(Codecs.PROPERTY, "java");
        assertEquals("java-table", Codecs.create(4, 2).implementation());
        System.setProperty(Codecs.PROPERTY, " Vector ");
        assertEquals("vector", Codecs.create(4, 2).implementation());
        System.setProperty(Codecs.PROPERTY, "isal");
        if (IsalCodec.isAvailable()) {
            assertEquals("isa-l", Codecs.create(4, 2).implementation());
        } else {
            assertThrows(IllegalStateException.class, () -> Codecs.create(4, 2));
        }
        System.setProperty(Codecs.PROPERTY, "fastest");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.create(4, 2));
        assertTrue(e.getMessage().contains("cairn.codec=fastest"), e.getMessage());
    }

    @Test
    void badGeometryIsRefusedWithTheNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.create(250, 7));
        assertTrue(e.getMessage().contains("250+7"), e.getMessage());
    }

    /** Correct except that it flips the lowest bit of the first parity byte. */
    private record OffByOneBit(ErasureCodec delegate) implements ErasureCodec {

        @Override
        public int dataShards() {
            return delegate.dataShards();
        }

        @Override
        public int parityShards() {
            return delegate.parityShards();
        }

        @Override
        public void encodeParity(ByteBuffer[] data, ByteBuffer[] parity) {
            delegate.encodeParity(data, parity);
            parity[0].put(parity[0].position(), (byte) (parity[0].get(parity[0].position()) ^ 1));
        }

        @Override
        public void reconstruct(ByteBuffer[] shards, boolean[] present) {
            delegate.reconstruct(shards, present);
        }

        @Override
        public String implementation() {
            return delegate.implementation();
        }
    }
}
