package org.clinicbake.content;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicbake.build.BuildSession;

/**
 * An image macro with no text alternative ({@code image::lumbar-spine-2.png[]}): Asciidoctor fills
 * the alt text in from the file's name ("lumbar spine 2"), which a screen reader then reads to the
 * patient as if it described the picture, and which the output checks cannot tell from text an
 * author wrote. So the source is checked, where the author can be told at the line.
 */
final class ImageAltCheck {

    /** {@code image::target[attributes]} or the inline {@code image:target[attributes]}, not inside a word or a URL. */
    private static final Pattern IMAGE = Pattern.compile("(?<![\\w\\\\/:])image::?([^\\s\\[]+)\\[([^\\]]*)\\]");
    /** A named attribute as AsciiDoc reads one: a name of word characters, then {@code =}. */
    private static final Pattern NAMED = Pattern.compile("^\\s*[A-Za-z_][\\w-]*\\s*=");

    private ImageAltCheck() {
    }

    /** Reports each image without alt text: an error on a page to be published, a warning on a draft. */
    static void check(BuildSession session, String path, List<String> lines, boolean draft) {
        SourceText.forEachMarkupLine(lines, (line, number) -> {
            if (!line.contains("image:")) {
                return;
            }
            Matcher image = IMAGE.matcher(line);
            while (image.find()) {
                if (hasAlt(image.group(2))) {
                    continue;
                }
                String message = "the image '" + image.group(1) + "' has no text alternative: screen readers would read its file name";
                String hint = "describe what it shows for a patient who cannot see it, as the first attribute: image::"
                        + image.group(1) + "[Diagram of the lower spine]; an image that only decorates takes [\"\"]";
                if (draft) {
                    session.diagnostics().warning("content.image-alt", path, number, message, hint);
                } else {
                    session.diagnostics().error("content.image-alt", path, number, message, hint);
                }
            }
        });
    }

    /** Whether an image's attribute list gives alt text: a first positional attribute (quoted, even empty) or {@code alt=}. */
    static boolean hasAlt(String attributes) {
        String[] items = attributes.split(",", -1);
        String first = items[0].strip();
        if (first.startsWith("\"") || !first.isEmpty() && !NAMED.matcher(first).find()) {
            return true;
        }
        for (String item : items) {
            if (item.strip().startsWith("alt=")) {
                return true;
            }
        }
        return false;
    }
}
