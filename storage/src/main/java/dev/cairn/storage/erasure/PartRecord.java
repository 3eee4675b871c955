package dev.cairn.storage.erasure;

import dev.cairn.storage.meta.MetaFormatException;

import java.nio.charset.StandardCharsets;

/**
 * The small file {@code part.N.meta} beside an uploaded part's shard: what the part is. Written after the shard
 * is in place, so its presence commits the part on that drive. Text, one field a line, first line the format
 * version: {@code 1 / number / size / etag / mtime-nanos}.
 */
record PartRecord(int number, long size, String etag, long modTime) {

    byte[] encode() {
        return ("1\n" + number + "\n" + size + "\n" + etag + "\n" + modTime + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static PartRecord decode(byte[] bytes) {
        String[] f = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (f.length < 5 || !f[0].equals("1")) {
            throw new MetaFormatException("unreadable part record");
        }
        try {
            return new PartRecord(Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4]));
        } catch (NumberFormatException e) {
            throw new MetaFormatException("unreadable part record: " + e.getMessage());
        }
    }
}
