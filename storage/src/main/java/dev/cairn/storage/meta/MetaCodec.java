package dev.cairn.storage.meta;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The binary {@code cairn.meta} format.
 *
 * <pre>
 * file    = magic "CRNM" | major u8 | minor u8 | payload-length u32 | payload | crc32c(payload) u32
 * payload = version-count u32 | version*
 * version = record-length u32 | type u8 | version-id 16 | mod-time i64 | flags u8
 *           | [data-dir 16] | size i64 | [erasure] | parts | metadata | [inline]
 * erasure = data u8 | parity u8 | block-size i32 | index u8 | distribution u8 * (data + parity)
 * parts   = count u16 | (number i32 | size i64 | actual-size i64 | etag str)*
 * metadata= count u16 | (name str | value str)*
 * inline  = length i32 | bytes
 * str     = length i32 | UTF-8 bytes
 * flags: 1 = has data-dir, 2 = has erasure, 4 = has inline
 * </pre>
 *
 * All integers are big-endian. A reader of major version M refuses files of a newer major; files of a newer
 * minor version of the same major are read, skipping the fields a version record adds at its end (hence the
 * record length). Readers for older majors are kept here when the format changes.
 */
public final class MetaCodec {

    static final byte[] MAGIC = {'C', 'R', 'N', 'M'};
    public static final int MAJOR = 1;
    public static final int MINOR = 0;
    private static final int HEADER = MAGIC.length + 2 + 4;

    private static final int HAS_DATA_DIR = 1;
    private static final int HAS_ERASURE = 2;
    private static final int HAS_INLINE = 4;

    private MetaCodec() {
    }

    public static byte[] encode(ObjectMeta meta) {
        try {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(payload);
            out.writeInt(meta.versions().size());
            for (ObjectVersion v : meta.versions()) {
                byte[] record = encodeVersion(v);
                out.writeInt(record.length);
                out.write(record);
            }
            byte[] body = payload.toByteArray();
            ByteBuffer file = ByteBuffer.allocate(HEADER + body.length + 4);
            file.put(MAGIC).put((byte) MAJOR).put((byte) MINOR).putInt(body.length).put(body);
            file.putInt(crc(body, 0, body.length));
            return file.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encodeVersion(ObjectVersion v) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(v.type().code);
        writeUuid(out, v.versionId());
        out.writeLong(v.modTime());
        int flags = (v.dataDir() != null ? HAS_DATA_DIR : 0) | (v.erasure() != null ? HAS_ERASURE : 0)
                | (v.inlineData() != null ? HAS_INLINE : 0);
        out.writeByte(flags);
        if (v.dataDir() != null) {
            writeUuid(out, v.dataDir());
        }
        out.writeLong(v.size());
        if (v.erasure() != null) {
            ErasureInfo e = v.erasure();
            out.writeByte(e.data());
            out.writeByte(e.parity());
            out.writeInt(e.blockSize());
            out.writeByte(e.index());
            for (int d : e.distribution()) {
                out.writeByte(d);
            }
        }
        out.writeShort(v.parts().size());
        for (PartInfo p : v.parts()) {
            out.writeInt(p.number());
            out.writeLong(p.size());
            out.writeLong(p.actualSize());
            writeString(out, p.etag());
        }
        out.writeShort(v.metadata().size());
        for (var entry : v.metadata().entrySet()) {
            writeString(out, entry.getKey());
            writeString(out, entry.getValue());
        }
        if (v.inlineData() != null) {
            out.writeInt(v.inlineData().length);
            out.write(v.inlineData());
        }
        return bytes.toByteArray();
    }

    /**
     * Whether {@code file} is a whole cairn.meta of ours (magic, length and checksum agree) without decoding it:
     * lets a reader that raced an in-place overwrite notice and read again.
     */
    public static boolean intact(byte[] file) {
        if (file.length < MAGIC.length + 2 + 4 + 4
                || !java.util.Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        int length = in.getInt(MAGIC.length + 2);
        int payloadStart = MAGIC.length + 2 + 4;
        return length >= 0 && length <= file.length - payloadStart - 4
                && in.getInt(payloadStart + length) == crc(file, payloadStart, length);
    }

    public static ObjectMeta decode(byte[] file) {
        try {
            ByteBuffer in = ByteBuffer.wrap(file);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new MetaFormatException("not a cairn.meta file (bad magic)");
            }
            int major = in.get() & 0xff;
            in.get(); // minor: any minor of our major is readable
            if (major != MAJOR) {
                throw new MetaFormatException("cairn.meta major version " + major + " is newer than this server ("
                        + MAJOR + ")");
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 4) {
                throw new MetaFormatException("cairn.meta truncated");
            }
            int payloadStart = in.position();
            int stored = in.getInt(payloadStart + length);
            if (stored != crc(file, payloadStart, length)) {
                throw new MetaFormatException("cairn.meta checksum mismatch");
            }
            ByteBuffer payload = in.slice(payloadStart, length);
            int count = payload.getInt();
            List<ObjectVersion> versions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int recordLength = payload.getInt();
                ByteBuffer record = payload.slice(payload.position(), recordLength);
                payload.position(payload.position() + recordLength);
                versions.add(decodeVersion(record));
            }
            return new ObjectMeta(versions);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new MetaFormatException("cairn.meta malformed: " + e);
        }
    }

    private static ObjectVersion decodeVersion(ByteBuffer in) {
        VersionType type = VersionType.of(in.get());
        UUID versionId = readUuid(in);
        long modTime = in.getLong();
        int flags = in.get();
        UUID dataDir = (flags & HAS_DATA_DIR) != 0 ? readUuid(in) : null;
        long size = in.getLong();
        ErasureInfo erasure = null;
        if ((flags & HAS_ERASURE) != 0) {
            int data = in.get() & 0xff;
            int parity = in.get() & 0xff;
            int blockSize = in.getInt();
            int index = in.get() & 0xff;
            int[] distribution = new int[data + parity];
            for (int i = 0; i < distribution.length; i++) {
                distribution[i] = in.get() & 0xff;
            }
            erasure = new ErasureInfo(data, parity, blockSize, index, distribution);
        }
        int partCount = in.getShort() & 0xffff;
        List<PartInfo> parts = new ArrayList<>(partCount);
        for (int i = 0; i < partCount; i++) {
            parts.add(new PartInfo(in.getInt(), in.getLong(), in.getLong(), readString(in)));
        }
        int metaCount = in.getShort() & 0xffff;
        TreeMap<String, String> metadata = new TreeMap<>();
        for (int i = 0; i < metaCount; i++) {
            metadata.put(readString(in), readString(in));
        }
        byte[] inline = null;
        if ((flags & HAS_INLINE) != 0) {
            inline = new byte[in.getInt()];
            in.get(inline);
        }
        return new ObjectVersion(versionId, type, modTime, dataDir, size, erasure, parts, metadata, inline);
    }

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new MetaFormatException("cairn.meta string length " + n + " out of range");
        }
        byte[] b = new byte[n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }
}
