package dev.cairn.storage.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.BiFunction;

/**
 * Fixed inputs and the parity the on-disk format requires for them. The expected bytes were computed once
 * with {@link JavaTableCodec} from the {@link EncodeMatrix} definition and cross-checked against ISA-L; they are
 * constants so that a change to the matrix, the field or any kernel is caught at node start, not by failing
 * reads years later. Never regenerate them to make a failure go away.
 */
final class GoldenVectors {

    /** 40 bytes: one 32-byte step of the vector kernels plus a scalar tail, and above ISA-L's 32-byte SIMD threshold. */
    static final int SHARD_LENGTH = 40;

    private static final HexFormat HEX = HexFormat.of();

    /** A geometry and its expected parity shards, one hex string per parity shard. */
    private record Golden(int data, int parity, String... expectedParityHex) {
    }

    private static final Golden[] GOLDEN = {
        new Golden(4, 2,
                "1b3b7357c9432f0be568fb75c6effdbd434ab87d5960771475317e4a977f78912809280c92c4e7c3",
                "11b67822f6bb7301856f5060f9cabc47d3e054c866454c99150b7238125a438cbffec49e4a7cdcae"),
        new Golden(12, 4,
                "e070f9b628f04f9b34d91f86dd0f5db6ae8076816b78302e57e70d4dcae32dcac2362a36d21438a3",
                "827eeec1b78e4dbb44c287137555cca2b0af48f75ac86e3c21dd54f7cb16f3c5ef36fd818dab7ab6",
                "540fb2ab820bd5ce3a72e91c6e4ce6b19634926addbfa18b41670de7cbedfb2f416f212bb8fea2cf",
                "4221714441255b067e6945e14ac6ab3ddc3b582410bfb3b1a39d4035066899d8588fa2843b11ec72"),
        new Golden(16, 16,
                "6b84d08a8aaf5725c3c4f6281215324c7a720d96aee96ebcd5d50b1576212d0bafb0e62086380cd2",
                "83e9949b5f9a4775abc6d2a6c06e937af559c051e3419c999519a0d1aac7803d709c9d0e6c5f246d",
                "d1bdbe24ff892a96baea81ea20b941986746f5b42c49dc7566c867440ff8a313e08bce0dd965fd11",
                "7f84016213886bb9d193019d745a3f2895bf92e5d8f2016e9239749da42572ae782bcef48af29903",
                "65fe6f57e81a4f292d6705a5dcada741b078c742d98374c4b2734f2e7078eac34b5b54fdee5ebf43",
                "35edaa8568a40d4e72ace73a3a032a786d93f2f21360006a9a7b134133e8384801e1ae1051cb50dc",
                "6c15e01b044e79db563596f216ffd63604fcbdc87b4aad54d1a32929dc4e5d4047e827323b815f0b",
                "b58cdc8e06e9c64dcff55f0ace23169db6a8f45e47f75d70665565cc7e1506c75653a41886b3aa64",
                "5fb5e9bd4c3040c420c9f823403d2ae6de516d459b0d5ee39120e8a02aaeea25380a8528f679b3b1",
                "79ecd2fe676a9f45927e31406563ce0c2805790a543044dfbafad97030cd1a1b104c8154e23301f0",
                "bde4a9351d6a97fb9e099c39b648007c33469c690ab6de8613b09c358ac9d77d73af5ba325001a25",
                "4f8db7b1b1681351a54523f78316b51c664c80009e345528e23f937c7511e14ca6a9fa98360eb675",
                "4b66c151c4e8086c54c3b05651b39c9e435463fdd91a9fb3d99852a653f1f43370cb51c4ba56eb36",
                "9969f1c11fbfb7326c8d83ec2b995ea27d06ccf5dd8ab6fdbf98ef8a65d4f6c7cf3d5e6b5ed9ddb1",
                "616e3f2b29348029261f1b02052d2be9086771c9937c41612e7a66b417990e41dcb2cbbd06acb28d",
                "d86f786c1e36783262daa16bc7ad7aebd726f057f33e82a9692c5df6a2f70f5d32a933458e503c66"),
    };

    private GoldenVectors() {
    }

    /** Byte {@code i} of data shard {@code s}: a fixed pattern that reaches every nibble value. */
    static byte dataByte(int shard, int index) {
        return (byte) (shard * 29 + index * 7 + 1);
    }

    /**
     * Checks codecs made by {@code factory} against every golden geometry: parity bytes, then reconstruction of
     * as many lost data shards as there are parity shards.
     *
     * @throws IllegalStateException on the first difference
     */
    static void check(BiFunction<Integer, Integer, ErasureCodec> factory) {
        for (Golden golden : GOLDEN) {
            ErasureCodec codec = factory.apply(golden.data(), golden.parity());
            ByteBuffer[] shards = dataShards(golden.data(), golden.parity());
            ByteBuffer[] data = Arrays.copyOfRange(shards, 0, golden.data());
            ByteBuffer[] parity = Arrays.copyOfRange(shards, golden.data(), shards.length);
            codec.encodeParity(data, parity);
            for (int p = 0; p < golden.parity(); p++) {
                compare(codec, "parity shard " + p, HEX.parseHex(golden.expectedParityHex()[p]), parity[p]);
            }
            checkReconstruct(codec, shards);
        }
    }

    /** Loses data shards 0..min(k, m)-1, rebuilds them from the rest and compares with the pattern. */
    private static void checkReconstruct(ErasureCodec codec, ByteBuffer[] shards) {
        boolean[] present = new boolean[shards.length];
        Arrays.fill(present, true);
        int lost = Math.min(codec.dataShards(), codec.parityShards());
        for (int s = 0; s < lost; s++) {
            present[s] = false;
            shards[s].put(0, new byte[SHARD_LENGTH]);
        }
        codec.reconstruct(shards, present);
        for (int s = 0; s < lost; s++) {
            compare(codec, "reconstructed data shard " + s, expectedData(s), shards[s]);
        }
    }

    static ByteBuffer[] dataShards(int data, int parity) {
        ByteBuffer[] shards = new ByteBuffer[data + parity];
        for (int s = 0; s < shards.length; s++) {
            shards[s] = ByteBuffer.wrap(s < data ? expectedData(s) : new byte[SHARD_LENGTH]);
        }
        return shards;
    }

    private static byte[] expectedData(int shard) {
        byte[] bytes = new byte[SHARD_LENGTH];
        for (int i = 0; i < SHARD_LENGTH; i++) {
            bytes[i] = dataByte(shard, i);
        }
        return bytes;
    }

    private static void compare(ErasureCodec codec, String what, byte[] expected, ByteBuffer actual) {
        for (int i = 0; i < expected.length; i++) {
            if (actual.get(actual.position() + i) != expected[i]) {
                throw new IllegalStateException("erasure codec self-test failed: " + codec.implementation() + " "
                        + codec.dataShards() + "+" + codec.parityShards() + " " + what + " byte " + i
                        + " is " + HEX.toHexDigits(actual.get(actual.position() + i)) + ", the format requires "
                        + HEX.toHexDigits(expected[i]));
            }
        }
    }
}
