package org.auditgate.engine.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Encodes 8-bit grey images as PNG with <em>stored</em> (uncompressed) deflate blocks.
 *
 * <p>Compressed deflate output depends on the zlib build a JVM links (zlib, zlib-ng, a bundled
 * copy), so two machines can write different bytes for the same pixels. Stored blocks, CRC-32 and
 * Adler-32 are fully specified, so the same pixels give the same file everywhere. The price is
 * size: about {@code width × height} bytes per image, which the demo and the training-view
 * sheets can afford.
 */
public final class GreyPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_STORED_BLOCK = 65_535;

    private GreyPng() {
    }

    /** The image as a complete PNG file. */
    public static byte[] encode(GreyImage image) {
        return encode(image.pixels(), image.width(), image.height());
    }

    /**
     * @param pixels row-major grey values, one unsigned byte per pixel
     * @return the complete PNG file
     */
    public static byte[] encode(byte[] pixels, int width, int height) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
        byte[] raw = new byte[height * (width + 1)];
        for (int y = 0; y < height; y++) {
            raw[y * (width + 1)] = 0; // filter type None
            System.arraycopy(pixels, y * width, raw, y * (width + 1) + 1, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 1024);
        out.writeBytes(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, width);
        writeInt(header, height);
        header.write(8); // bit depth
        header.write(0); // colour type grey
        header.write(0); // compression deflate
        header.write(0); // filter method
        header.write(0); // no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", zlibStored(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] zlibStored(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / MAX_STORED_BLOCK * 5 + 16);
        out.write(0x78);
        out.write(0x01);
        int offset = 0;
        do {
            int length = Math.min(MAX_STORED_BLOCK, data.length - offset);
            boolean last = offset + length == data.length;
            out.write(last ? 1 : 0);
            out.write(length & 0xff);
            out.write(length >>> 8);
            out.write(~length & 0xff);
            out.write((~length >>> 8) & 0xff);
            out.write(data, offset, length);
            offset += length;
        } while (offset < data.length);
        Adler32 adler = new Adler32();
        adler.update(data);
        writeInt(out, (int) adler.getValue());
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write(value & 0xff);
    }
}
