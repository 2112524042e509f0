package dev.securebuild.shared.signer.pgp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.UnsupportedPacketVersionException;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;

import dev.securebuild.shared.io.BoundedFiles;

/**
 * The signatures of a detached signature file ({@code .asc} or binary {@code .sig}), read strictly: every packet must
 * be a signature of a version we can check, every armored block is read (BouncyCastle's own decoding stops after the
 * first one, where gpgv goes on), and nothing but white space may come after the last block. Whatever is not a
 * signature is refused rather than skipped: a packet we skip is a signature we did not check.
 */
public final class DetachedSignatures {

    /** Far more than any file of detached signatures needs; a larger file is not read into memory. */
    public static final int MAX_FILE_SIZE = 1024 * 1024;

    private static final byte[] ARMOR_START = "-----BEGIN PGP ".getBytes(StandardCharsets.US_ASCII);

    private DetachedSignatures() {}

    /** The bytes of a signature file, refused (naming the file and the limit) when it is larger than a signature file can be. */
    public static byte[] readFile(Path file) throws IOException {
        return BoundedFiles.read(file, MAX_FILE_SIZE);
    }

    /** Every signature packet, in order; an empty list when there is none. */
    static List<PGPSignature> read(byte[] file) throws IOException, PGPException {
        if (file.length > MAX_FILE_SIZE) {
            throw new PGPException("it is " + file.length + " bytes, more than a file of detached signatures can be (" + MAX_FILE_SIZE + ")");
        }
        byte[] packets = isArmored(file) ? dearmor(file) : file;
        List<PGPSignature> signatures = new ArrayList<>();
        BCPGInputStream in = BCPGInputStream.wrap(new ByteArrayInputStream(packets));
        int tag;
        while ((tag = in.nextPacketTag()) >= 0) {
            if (tag != PacketTags.SIGNATURE) {
                throw new PGPException("found " + packetName(tag) + " where only signatures may be");
            }
            try {
                signatures.add(new PGPSignature(in));
            } catch (UnsupportedPacketVersionException e) {
                throw new PGPException("found a signature packet that cannot be checked (" + e.getMessage() + ")");
            }
        }
        return signatures;
    }

    private static boolean isArmored(byte[] file) {
        int start = skipWhiteSpace(file, 0);
        return startsWith(file, start, ARMOR_START);
    }

    /** The packets of every armored block, one after the other. */
    private static byte[] dearmor(byte[] file) throws IOException {
        ByteArrayOutputStream packets = new ByteArrayOutputStream();
        ByteArrayInputStream rest = new ByteArrayInputStream(file);
        int blocks = 0;
        while (true) {
            int offset = file.length - rest.available();
            int next = skipWhiteSpace(file, offset);
            if (next == file.length) {
                return packets.toByteArray();
            }
            if (!startsWith(file, next, ARMOR_START)) {
                throw new IOException("after armored block " + blocks + " comes something that is neither white space nor another armored block"
                        + " (at byte " + next + ")");
            }
            rest.skip(next - offset);
            // Byte by byte: ArmoredInputStream then stops at the end of its block, and the next one starts afresh.
            ArmoredInputStream armored = ArmoredInputStream.builder().build(rest);
            int b;
            while ((b = armored.read()) >= 0) {
                packets.write(b);
            }
            blocks++;
        }
    }

    private static int skipWhiteSpace(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String packetName(int tag) {
        return switch (tag) {
            case PacketTags.PUBLIC_KEY, PacketTags.PUBLIC_SUBKEY -> "a public key packet";
            case PacketTags.SECRET_KEY, PacketTags.SECRET_SUBKEY -> "a secret key packet";
            case PacketTags.USER_ID -> "a user id packet";
            case PacketTags.LITERAL_DATA -> "a literal data packet";
            case PacketTags.COMPRESSED_DATA -> "a compressed data packet";
            case PacketTags.ONE_PASS_SIGNATURE -> "a one-pass signature packet (an inline signed message, not a detached signature)";
            case PacketTags.MARKER -> "a marker packet";
            default -> "a packet of type " + tag;
        };
    }
}
