package org.clinicbake.content;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The text of a source file, decoded strictly as UTF-8 so that a wrong encoding is reported rather
 * than turned into replacement characters on a patient's page.
 *
 * @param text  the content without a byte-order mark, line ends as in the file
 * @param lines the content split into lines (CR LF and LF both end a line)
 */
record SourceText(String text, List<String> lines) {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** What to do with a line that holds the article's own markup: its text and its line number. */
    interface MarkupLine {
        void accept(String line, int number);
    }

    /**
     * Each line of {@code lines} that AsciiDoc reads as markup: not a {@code //} comment and not
     * inside a literal or listing block ({@code ----}, {@code ....}), where a macro is only shown.
     */
    static void forEachMarkupLine(List<String> lines, MarkupLine action) {
        boolean inLiteralBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("----") || line.equals("....")) {
                inLiteralBlock = !inLiteralBlock;
            }
            if (!inLiteralBlock && !line.startsWith("//")) {
                action.accept(line, i + 1);
            }
        }
    }

    /** Decodes the bytes, or returns the 1-based line of the first byte that is not UTF-8. */
    static Result decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            String text = chars.toString();
            if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
                text = text.substring(1);
            }
            return new Result(Optional.of(new SourceText(text, text.lines().toList())), 0);
        } catch (CharacterCodingException e) {
            return new Result(Optional.empty(), org.clinicbake.io.Utf8.lineOfFirstInvalidByte(bytes));
        }
    }

    boolean isBlank() {
        return text.isBlank();
    }

    record Result(Optional<SourceText> source, int invalidLine) {
    }
}
