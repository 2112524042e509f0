package dev.securebuild.shared.secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes UTF-8 text with every known secret replaced, in pieces of about a mebibyte, so that a large report (the scanner
 * gate's outputs for hundreds of megabytes of SARIF) is not held whole in memory to be redacted. A piece ends just after
 * an ASCII character that is no letter or digit and that occurs in no form of any value: no value can stand across
 * such a cut, and the whole-token rule for short values sees the same neighbours as on the whole text.
 */
final class RedactingOutputStream extends OutputStream {

    static final int PIECE = 1 << 20;

    private final OutputStream out;
    private final KnownSecrets secrets;
    private final boolean[] cuttable = new boolean[128];
    private byte[] buffer = new byte[PIECE + 8192];
    private int size;

    RedactingOutputStream(OutputStream out, KnownSecrets secrets, List<String> forms) {
        this.out = out;
        this.secrets = secrets;
        for (char c = 0; c < 128; c++) {
            cuttable[c] = !Character.isLetterOrDigit(c);
        }
        for (String form : forms) {
            form.chars().filter(c -> c < 128).forEach(c -> cuttable[c] = false);
        }
    }

    @Override
    public void write(int b) throws IOException {
        ensure(1);
        buffer[size++] = (byte) b;
        if (size >= PIECE) {
            writePiece();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        if (size >= PIECE) {
            writePiece();
        }
    }

    /** Writes what is left; the stream below is neither flushed nor closed (its owner does that). */
    void finish() throws IOException {
        if (size > 0) {
            out.write(secrets.redactUtf8(Arrays.copyOf(buffer, size)));
            size = 0;
        }
    }

    private void writePiece() throws IOException {
        int cut = size;
        while (cut > 0 && !isCut(buffer[cut - 1])) {
            cut--;
        }
        if (cut == 0) {
            return; // no safe cut yet (a text of letters and digits only): keep reading
        }
        out.write(secrets.redactUtf8(Arrays.copyOf(buffer, cut)));
        System.arraycopy(buffer, cut, buffer, 0, size - cut);
        size -= cut;
    }

    private boolean isCut(byte b) {
        return b >= 0 && cuttable[b];
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
