package org.clinicbake.content;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicbake.build.BuildSession;

/**
 * Checks that cross references to other documents ({@code xref:../conditions/sciatica.adoc[]},
 * {@code <<other.adoc#id,text>>}) name a file that exists inside the content folder.
 *
 * <p>Asciidoctor checks references inside a document (it logs "possible invalid reference"), but it
 * turns a reference to another document into a link without looking at the file, so a renamed or
 * misspelled article would become a broken link on a patient's page.
 */
final class XrefCheck {

    private static final Pattern XREF_MACRO = Pattern.compile("xref:([^\\[\\s]+)\\[");
    private static final Pattern XREF_SHORTHAND = Pattern.compile("<<([^>,\\s]+?)(?:,[^>]*)?>>");
    private static final Pattern DOCUMENT_TARGET = Pattern.compile("^([^#]+\\.(?:adoc|asciidoc|ad))(#.*)?$");

    private XrefCheck() {
    }

    static void check(BuildSession session, File file, String path, List<String> lines) {
        Path contentDir = session.config().getContentFolder().toPath().toAbsolutePath().normalize();
        Path documentDir = file.toPath().toAbsolutePath().getParent();
        SourceText.forEachMarkupLine(lines, (line, number) -> {
            // Most lines hold no reference: a plain search rules them out before any pattern runs.
            if (line.contains("xref:")) {
                checkTargets(XREF_MACRO.matcher(line), session, contentDir, documentDir, path, number);
            }
            if (line.contains("<<")) {
                checkTargets(XREF_SHORTHAND.matcher(line), session, contentDir, documentDir, path, number);
            }
        });
    }

    private static void checkTargets(Matcher matcher, BuildSession session, Path contentDir, Path documentDir,
                                     String path, int line) {
        while (matcher.find()) {
            Matcher document = DOCUMENT_TARGET.matcher(matcher.group(1));
            if (!document.matches()) {
                continue;
            }
            String target = document.group(1);
            Path resolved = documentDir.resolve(target).normalize();
            if (!resolved.startsWith(contentDir)) {
                session.diagnostics().error("xref.outside-content", path, line,
                        "cross reference to '" + target + "', which is outside the content folder",
                        "link only to articles inside content/");
            } else if (!resolved.toFile().isFile()) {
                session.diagnostics().error("xref.missing-target", path, line,
                        "cross reference to '" + target + "', which does not exist",
                        "the path is relative to this file's folder; check the file name (expected "
                                + session.relativePath(resolved.toFile()) + ")");
            } else {
                String fragment = document.group(2);
                String anchor = fragment == null || fragment.length() < 2 ? null : fragment.substring(1);
                session.xref(new BuildSession.Xref(path, line, target, resolved, anchor));
            }
        }
    }
}
