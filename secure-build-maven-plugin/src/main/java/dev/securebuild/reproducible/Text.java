package dev.securebuild.reproducible;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

final class Text {

    private Text() {}

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
    static int completeUtf8Length(byte[] bytes) {
        int end = bytes.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = bytes[end - back] & 0xff;
            if ((b & 0xc0) == 0x80) {
                continue;   // a continuation byte: look further back for the lead byte
            }
            int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
            return needed > back ? end - back : end;
        }
        return end;
    }

    /** UTF-8 where it is valid, else ISO-8859-1, which maps every byte. */
    static String decode(byte[] bytes) {
        return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Lines without their terminators; a file's last line is kept even without a newline. */
    static List<String> lines(String text) {
        return Arrays.asList(text.split("\r?\n", -1));
    }

    static String lineEndings(String text) {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            }
        }
        return crlf > 0 && lf > 0 ? "mixed CRLF and LF" : crlf > 0 ? "CRLF" : lf > 0 ? "LF" : "no line ends";
    }
}
