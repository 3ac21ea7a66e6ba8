package io.chainwright.fabric.chaincode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a gzipped POSIX ustar archive of regular files. Entries carry a fixed time, owner and mode,
 * so the same files always give the same bytes, and so the same chaincode package id.
 */
final class TarGz {
  private static final int BLOCK = 512;

  private TarGz() {}

  /** The archive of {@code files} (name to content), in the map's order. */
  static byte[] of(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        gzip.write(header(file.getKey(), file.getValue().length));
        gzip.write(file.getValue());
        gzip.write(new byte[padding(file.getValue().length)]);
      }
      // Two empty blocks end a tar archive.
      gzip.write(new byte[2 * BLOCK]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int padding(int size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static byte[] header(String name, int size) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100) {
      throw new IllegalArgumentException("tar entry name longer than 100 bytes: " + name);
    }
    byte[] header = new byte[BLOCK];
    System.arraycopy(nameBytes, 0, header, 0, nameBytes.length);
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, size);
    octal(header, 136, 12, 0);
    header[156] = '0';
    ascii(header, 257, "ustar\0");
    ascii(header, 263, "00");
    // The checksum is computed with its own field taken as spaces.
    ascii(header, 148, "        ");
    int sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    header[155] = ' ';
    return header;
  }

  /** Writes {@code value} as zero-padded octal digits filling {@code width - 1} bytes, then a NUL. */
  private static void octal(byte[] header, int offset, int width, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(width - 1 - digits.length()) + digits;
    ascii(header, offset, padded);
    header[offset + width - 1] = 0;
  }

  private static void ascii(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }
}
