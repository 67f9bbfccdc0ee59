package dev.clouddemo.core.kit.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip archive whose bytes depend on the entries' names and contents only: entries in the
 * order given, every timestamp 1980-01-01 00:00 (the zip format's epoch), every file mode 0644
 * ({@code -rw-r--r--}, readable by whatever user the platform runs the code as), no extra fields, no comments. The
 * same files therefore give the same bytes and the same SHA-256 on every machine with the same
 * zlib. (java.util.zip writes no Unix modes and takes the local time zone into its timestamps.)
 */
public final class DeterministicZip {
    public static final int FILE_MODE = 0100644;
    /** MS-DOS date of 1980-01-01: (year - 1980) << 9 | month << 5 | day; time 00:00:00 is 0. */
    private static final int DOS_DATE = (1 << 5) | 1;
    private static final int DOS_TIME = 0;
    private static final int VERSION_NEEDED = 20;
    /** Upper byte 3 = Unix, so readers honour the mode in the external attributes. */
    private static final int VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
    private static final int FLAG_UTF8_NAMES = 1 << 11;
    private static final int METHOD_DEFLATED = 8;
    public static final int MAX_ENTRIES = 0xFFFF;
    private static final long MAX_SIZE = 0xFFFFFFFFL;

    private DeterministicZip() {
    }

    /** The archive of these entries (name with {@code /} separators → content), in the map's order. */
    public static byte[] write(Map<String, byte[]> entries) {
        if (entries.size() >= MAX_ENTRIES) {
            throw new IllegalArgumentException("too many files for a zip without ZIP64: " + entries.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] content = entry.getValue();
            byte[] deflated = deflate(content);
            CRC32 crc = new CRC32();
            crc.update(content);
            long offset = out.size();
            if (offset > MAX_SIZE) {
                throw new IllegalArgumentException("archive over 4 GB needs ZIP64");
            }
            ByteBuffer local = buffer(30 + name.length)
                    .putInt(0x04034b50)
                    .putShort((short) VERSION_NEEDED)
                    .putShort((short) FLAG_UTF8_NAMES)
                    .putShort((short) METHOD_DEFLATED)
                    .putShort((short) DOS_TIME)
                    .putShort((short) DOS_DATE)
                    .putInt((int) crc.getValue())
                    .putInt(deflated.length)
                    .putInt(content.length)
                    .putShort((short) name.length)
                    .putShort((short) 0)
                    .put(name);
            out.writeBytes(local.array());
            out.writeBytes(deflated);
            ByteBuffer header = buffer(46 + name.length)
                    .putInt(0x02014b50)
                    .putShort((short) VERSION_MADE_BY)
                    .putShort((short) VERSION_NEEDED)
                    .putShort((short) FLAG_UTF8_NAMES)
                    .putShort((short) METHOD_DEFLATED)
                    .putShort((short) DOS_TIME)
                    .putShort((short) DOS_DATE)
                    .putInt((int) crc.getValue())
                    .putInt(deflated.length)
                    .putInt(content.length)
                    .putShort((short) name.length)
                    .putShort((short) 0) // extra field length
                    .putShort((short) 0) // comment length
                    .putShort((short) 0) // disk number
                    .putShort((short) 0) // internal attributes
                    .putInt(FILE_MODE << 16) // external attributes: the Unix mode in the upper half
                    .putInt((int) offset)
                    .put(name);
            central.writeBytes(header.array());
        }
        long centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = buffer(22)
                .putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) entries.size())
                .putShort((short) entries.size())
                .putInt(central.size())
                .putInt((int) centralOffset)
                .putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 2));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
