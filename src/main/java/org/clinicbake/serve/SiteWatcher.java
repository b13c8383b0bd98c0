package org.clinicbake.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tells when anything a bake reads changes: content, templates, data, assets, themes and
 * {@code jbake.properties}. The output and ClinicBake's own {@code .clinicbake} folder are never
 * watched, so a bake does not trigger itself.
 */
final class SiteWatcher implements Closeable {

    private static final List<String> WATCHED = List.of("content", "templates", "data", "assets", "themes");

    private final Path siteDir;
    private final WatchService watcher;
    private final Runnable onChange;
    private final Thread thread;

    SiteWatcher(Path siteDir, Runnable onChange) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.watcher = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        this.siteDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        for (String folder : WATCHED) {
            registerTree(this.siteDir.resolve(folder));
        }
        this.thread = new Thread(this::watch, "clinicbake-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path folder = (Path) key.watchable();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        relevant = true;
                        continue;
                    }
                    Path changed = folder.resolve((Path) event.context());
                    if (folder.equals(siteDir)) {
                        String name = changed.getFileName().toString();
                        if (WATCHED.contains(name) && Files.isDirectory(changed)) {
                            registerTree(changed);
                            relevant = true;
                        } else if (name.equals("jbake.properties")) {
                            relevant = true;
                        }
                        continue;
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                        registerTree(changed);
                    }
                    relevant = true;
                }
                key.reset();
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
