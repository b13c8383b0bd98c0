package org.clinicbake.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.clinicbake.diag.Diagnostics;

/**
 * {@value #EMPTY_PAGE}: an HTML or XML file with nothing in it (or a page whose body has no text);
 * {@value #DUPLICATE_PATH}: two files whose paths differ only by case, or two pages that declare the same canonical
 * address.
 */
public final class OutputFilesCheck implements OutputCheck {

    public static final String EMPTY_PAGE = "output.empty-page";
    public static final String DUPLICATE_PATH = "output.duplicate-path";
    /** What to do about an empty page or file, here and when a bake finds one. */
    public static final String EMPTY_PAGE_HINT =
            "a template or the source produced nothing; check the page's source and its template, then bake again";

    @Override
    public String id() {
        return "output";
    }

    @Override
    public boolean checksEachPageAlone() {
        return true;
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        String hint = EMPTY_PAGE_HINT;
        if (page.size() == 0) {
            out.error(EMPTY_PAGE, page.path(), 0, "page is an empty file", hint);
        } else if (page.document().body() == null || !page.document().body().hasText()) {
            out.error(EMPTY_PAGE, page.path(), 0, "page body has no text", hint);
        }
    }

    @Override
    public void run(CheckContext context, Diagnostics out) {
        emptyFiles(context, out);
        caseCollisions(context, out);
        canonicalCollisions(context, out);
    }

    private static void emptyFiles(CheckContext context, Diagnostics out) {
        String hint = EMPTY_PAGE_HINT;
        for (String file : context.files()) {
            String lower = file.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".xml")) {
                try {
                    byte[] bytes = Files.readAllBytes(context.outputDir().resolve(file));
                    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                        out.error(EMPTY_PAGE, file, 0, "file is empty", hint);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
    }

    private static void caseCollisions(CheckContext context, Diagnostics out) {
        Map<String, String> byLowerCase = new HashMap<>();
        for (String file : context.files()) {
            String first = byLowerCase.putIfAbsent(file.toLowerCase(Locale.ROOT), file);
            if (first != null) {
                out.error(DUPLICATE_PATH, file, 0,
                        "path differs from '" + first + "' only by case, so the two collide on case-insensitive hosts",
                        "rename one of the sources; on Windows, macOS and some hosts only one of the two files survives");
            }
        }
    }

    /** Pages that declare the same canonical address: each but the first (by path) is reported. */
    private static void canonicalCollisions(CheckContext context, Diagnostics out) {
        Map<String, java.util.TreeSet<String>> byAddress = new java.util.TreeMap<>();
        context.facts().forEach((path, facts) -> facts.canonical().ifPresent(canonical -> byAddress
                .computeIfAbsent(canonical.address(), key -> new java.util.TreeSet<>()).add(path)));
        byAddress.forEach((address, pages) -> {
            String first = pages.first();
            pages.tailSet(first, false).forEach(path -> out.error(DUPLICATE_PATH, path, context.canonicalLine(path),
                    "page declares the canonical address '" + address + "', as " + first + " does",
                    "each page should name its own address as canonical; search engines keep only one of the "
                            + "pages that share one"));
        });
    }
}
