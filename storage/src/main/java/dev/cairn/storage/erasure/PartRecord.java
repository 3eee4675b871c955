package dev.cairn.storage.erasure;

import dev.cairn.storage.meta.MetaFormatException;

import java.nio.charset.StandardCharsets;

/**
 * The small file {@code part.N.meta} beside an uploaded part's shard: what the part is. Written after the shard
 * is in place, so its presence commits the part on that drive. Text, one field a line, first line the format
 * version: {@code 2 / number / size / etag / mtime-nanos / checksum} (the checksum line empty when the part has
 * none); version 1 records, without the checksum line, are still read.
 *
 * @param checksum the part's checksum as the API gave it (opaque here), or null
 */
record PartRecord(int number, long size, String etag, long modTime, String checksum) {

    byte[] encode() {
        return ("2\n" + number + "\n" + size + "\n" + etag + "\n" + modTime + "\n" + (checksum == null ? "" : checksum)
                + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static PartRecord decode(byte[] bytes) {
        String[] f = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        boolean v1 = f.length >= 5 && f[0].equals("1");
        boolean v2 = f.length >= 6 && f[0].equals("2");
        if (!v1 && !v2) {
            throw new MetaFormatException("unreadable part record");
        }
        try {
            String checksum = v2 && !f[5].isEmpty() ? f[5] : null;
            return new PartRecord(Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4]), checksum);
        } catch (NumberFormatException e) {
            throw new MetaFormatException("unreadable part record: " + e.getMessage());
        }
    }
}
