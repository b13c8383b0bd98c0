package org.clinicbake.diag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the problems of one build from every stage, so the build fails once and lists them all.
 *
 * <p>Thread-safe: conversion and rendering may report from several threads. Duplicates (the same
 * problem reported twice, e.g. by a template included from many pages) are kept once.
 */
public final class Diagnostics {

    private final Set<Diagnostic> reported = new LinkedHashSet<>();

    public synchronized void report(Diagnostic diagnostic) {
        reported.add(diagnostic);
    }

    public void error(String code, String path, int line, String message, String hint) {
        report(Diagnostic.error(code, path, line, message, hint));
    }

    public void warning(String code, String path, int line, String message, String hint) {
        report(Diagnostic.warning(code, path, line, message, hint));
    }

    public synchronized boolean hasErrors() {
        return reported.stream().anyMatch(Diagnostic::isError);
    }

    /** Everything reported so far, by the path it is about (in the order reported), without sorting the rest. */
    public synchronized Map<String, List<Diagnostic>> byPath() {
        Map<String, List<Diagnostic>> byPath = new HashMap<>();
        for (Diagnostic diagnostic : reported) {
            byPath.computeIfAbsent(diagnostic.path(), path -> new ArrayList<>()).add(diagnostic);
        }
        return byPath;
    }

    /** Everything reported so far about one path. */
    public synchronized List<Diagnostic> about(String path) {
        return reported.stream().filter(diagnostic -> diagnostic.path().equals(path)).toList();
    }

    /** Everything reported so far, in report order (file, line, code). */
    public synchronized List<Diagnostic> all() {
        List<Diagnostic> sorted = new ArrayList<>(reported);
        sorted.sort(Diagnostic.REPORT_ORDER);
        return List.copyOf(sorted);
    }
}
