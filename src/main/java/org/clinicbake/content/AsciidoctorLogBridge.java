package org.clinicbake.content;

import java.io.File;
import java.util.List;

import org.asciidoctor.ast.Cursor;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;
import org.clinicbake.build.BuildSession;
import org.clinicbake.diag.Diagnostic;

/**
 * Turns Asciidoctor's log messages into diagnostics with file and line.
 *
 * <p>Some messages (such as an invalid cross reference, found while converting) carry no cursor,
 * so the file being converted on this thread is remembered while it converts.
 */
public final class AsciidoctorLogBridge implements LogHandler {

    private static final String INVALID_REFERENCE = "possible invalid reference: ";

    private final BuildSession session;
    private final ThreadLocal<Converting> current = new ThreadLocal<>();

    public AsciidoctorLogBridge(BuildSession session) {
        this.session = session;
    }

    /** Marks the file this thread converts until {@link #end()}, for messages without a cursor. */
    void begin(String path, List<String> lines) {
        current.set(new Converting(path, lines, new int[1], new Jailed[1]));
    }

    void end() {
        Converting converting = current.get();
        current.remove();
        Jailed jailed = converting == null ? null : converting.jailed()[0];
        if (jailed != null) {
            // No "not found" followed: SAFE mode found a file of that name inside the folder and
            // included it, so the page shows another file than the one named, or none was meant.
            int line = jailed.line() > 0 ? jailed.line() : converting.lineOfJailedInclude();
            session.diagnostics().error("asciidoc.include", jailed.path(), line,
                    "the include names a file outside the article's folder (a path that starts with / or ../); "
                            + "AsciiDoc's SAFE mode read a file of that name inside the folder instead",
                    "write the path from the article's folder, without a leading / or ../, such as include::partials/steps.adoc[]");
        }
    }

    /** How many problems Asciidoctor reported for the file this thread is converting. */
    int problems() {
        Converting converting = current.get();
        return converting == null ? 0 : converting.problems[0];
    }

    @Override
    public void log(LogRecord record) {
        String message = record.getMessage();
        boolean invalidReference = message.startsWith(INVALID_REFERENCE);
        if (record.getSeverity().ordinal() < Severity.WARN.ordinal() && !invalidReference) {
            return;
        }
        Converting converting = current.get();
        Cursor cursor = record.getCursor();
        String path = converting != null ? converting.path() : "<unknown>";
        int line = 0;
        if (cursor != null) {
            line = Math.max(cursor.getLineNumber(), 0);
            String file = cursor.getFile();
            if (file != null && !file.isBlank()) {
                File source = new File(file);
                if (!source.isAbsolute() && cursor.getDir() != null) {
                    source = new File(cursor.getDir(), file);
                }
                path = session.relativePath(source);
            }
        }
        if (converting != null) {
            converting.problems[0]++;
            if (message.startsWith("include file is outside of jail")
                    || message.startsWith("include file has illegal reference to ancestor of jail")) {
                // Asciidoctor then looks for the path inside the folder and reports that as not found,
                // at the include's line: one problem, told once, there. (A path with ../ is told
                // "illegal reference to ancestor of jail", with no line, an absolute one "outside of jail".)
                converting.jailed[0] = new Jailed(path, line);
                return;
            }
            if (converting.jailed[0] != null && message.startsWith("include file not found")) {
                converting.jailed[0] = null;
                session.diagnostics().error("asciidoc.include", path, line,
                        "the include reaches outside the article's folder, which AsciiDoc's SAFE mode does not read",
                        "include only files inside the article's folder, with a relative path and not through a link to a folder");
                return;
            }
        }
        session.diagnostics().report(toDiagnostic(message, invalidReference, path, line, converting));
    }

    private Diagnostic toDiagnostic(String message, boolean invalidReference, String path, int line,
                                    Converting converting) {
        if (invalidReference) {
            String target = message.substring(INVALID_REFERENCE.length()).trim();
            int at = line > 0 || converting == null ? line : converting.lineContaining(target);
            // xref:../conditions/sciatica[] means an id to Asciidoctor; the editor meant the article.
            String named = target.substring(target.lastIndexOf('/') + 1);
            String hint = session.contentSlugs().containsKey(named)
                    ? "to link to the article, name its file with .adoc: xref:" + target + ".adoc[...]"
                    : "check the spelling, or give the section or block that id with [#" + target + "]";
            return Diagnostic.error("xref.unknown-anchor", path, at,
                    "cross reference to '" + target + "', which is not an id in this document", hint);
        }
        if (message.startsWith("include file not found") || message.startsWith("include file is outside of jail")
                || message.contains("include file has illegal reference")) {
            return Diagnostic.error("asciidoc.include", path, line, message,
                    "include files must exist and stay inside the article's folder (AsciiDoc runs in SAFE mode)");
        }
        if (message.startsWith("dropping line containing reference to missing attribute")
                || message.startsWith("skipping reference to missing attribute")) {
            // Asciidoctor tells no line for this one: the first line that spells the reference is where it is.
            String name = message.substring(message.lastIndexOf(':') + 1).strip();
            int at = line > 0 || converting == null ? line : converting.lineContaining("{" + name + "}");
            return Diagnostic.error("asciidoc.missing-attribute", path, at, message,
                    "define the attribute in the header (:" + name + ": value) or escape the braces with \\{" + name + "}");
        }
        // A link alone told the editor to go and read a manual, not what to change on the line.
        return Diagnostic.error("asciidoc.syntax", path, line, message, message.startsWith("unterminated")
                ? "end the block with a line like the one that opens it (---- after ----, ==== after ====), or delete the opening line"
                : "correct the markup on this line; https://docs.asciidoctor.org/asciidoc/latest/ shows how it is written");
    }

    /** An include SAFE mode moved back inside the article's folder, where it was named. */
    private record Jailed(String path, int line) {
    }

    private record Converting(String path, List<String> lines, int[] problems, Jailed[] jailed) {
        int lineOfJailedInclude() {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("include::") && (line.startsWith("include::/") || line.contains("../"))) {
                    return i + 1;
                }
            }
            return 0;
        }

        int lineContaining(String needle) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
            return 0;
        }
    }
}
