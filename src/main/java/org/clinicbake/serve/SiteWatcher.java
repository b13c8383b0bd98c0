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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells when anything a bake reads changes: content, templates, data, assets, themes and
 * {@code jbake.properties}, in the folders the site's settings name ({@code content.folder}...).
 * The output and ClinicBake's own {@code .clinicbake} folder are never watched, so a bake does not
 * trigger itself.
 */
final class SiteWatcher implements Closeable {

    /** The folder settings a bake reads, with JBake's defaults. */
    private static final List<List<String>> FOLDER_SETTINGS = List.of(List.of("content.folder", "content"),
            List.of("template.folder", "templates"), List.of("data.folder", "data"), List.of("asset.folder", "assets"));

    private final Path siteDir;
    private final WatchService watcher;
    private final Runnable onChange;
    private final Thread thread;
    /** The top-level names of the watched folders, read again when jbake.properties changes. */
    private volatile Set<String> watched;
    /** The key of each watched folder but the site's own, by path; touched by the constructor, then by the watching thread only. */
    private final Map<Path, WatchKey> keys = new HashMap<>();

    SiteWatcher(Path siteDir, Runnable onChange) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.watcher = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        this.siteDir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.watched = watchedFolders(this.siteDir);
        for (String folder : watched) {
            registerTree(this.siteDir.resolve(folder));
        }
        this.thread = new Thread(this::watch, "clinicbake-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The top-level folders of the site whose files a bake reads: those the settings name, and themes/. */
    static Set<String> watchedFolders(Path siteDir) {
        Properties settings = org.clinicbake.build.SiteConfiguration.readSiteFile(siteDir);
        Set<String> folders = new LinkedHashSet<>();
        for (List<String> setting : FOLDER_SETTINGS) {
            folders.add(setting.get(1));
            Path named = Path.of(settings.getProperty(setting.get(0), setting.get(1)).strip()).normalize();
            if (!named.isAbsolute() && named.getNameCount() > 0 && !named.getName(0).toString().equals("..")) {
                folders.add(named.getName(0).toString());
            }
        }
        folders.add("themes");
        folders.removeIf(name -> name.isEmpty() || name.startsWith("."));
        return Set.copyOf(folders);
    }

    /**
     * Watches every folder under {@code root} (a link as the root is followed, links below it are not, as
     * the bake reads them). Each folder is watched before it is listed: a folder made in it from then on
     * is an event, and one made before is in the listing. Listed first, a folder made between the
     * listing and the watch (templates/partials/, made with templates/) was never watched, so the
     * editor's saves in it were never seen. A folder can go before it is watched or listed (an
     * editor's or git's temporary folder): it is skipped, and the watch goes on.
     */
    private void registerTree(Path root) {
        java.util.Deque<Path> folders = new java.util.ArrayDeque<>(List.of(root));
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            boolean isRoot = folder == root;
            if (isRoot ? !Files.isDirectory(folder) : !Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                register(folder);
            } catch (IOException e) {
                continue; // gone already: there is nothing in it to watch
            }
            try (Stream<Path> children = Files.list(folder)) {
                children.filter(child -> Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)).forEach(folders::push);
            } catch (IOException | java.io.UncheckedIOException e) {
                // gone since it was watched: its deletion is an event of its parent
            }
        }
    }

    private void register(Path folder) throws IOException {
        WatchKey key = folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        if (!folder.equals(key.watchable())) {
            // A folder renamed or moved within the site: the watch service hands back the key it had,
            // whose events name the old path, so a folder made in it later was never watched.
            keys.remove((Path) key.watchable(), key);
            key.cancel();
            key = folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        keys.put(folder, key);
    }

    /** Stops watching a folder that was deleted or moved away, and the folders in it. */
    private void forget(Path folder) {
        keys.entrySet().removeIf(entry -> {
            if (!entry.getKey().startsWith(folder)) {
                return false;
            }
            entry.getValue().cancel();
            return true;
        });
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
                        if (name.equals("jbake.properties")) {
                            watched = watchedFolders(siteDir);
                            watched.forEach(watchedFolder -> registerTree(siteDir.resolve(watchedFolder)));
                            relevant = true;
                        } else if (watched.contains(name)) {
                            // Created, moved in or deleted whole: the bake must see it either way.
                            if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                                forget(changed);
                            }
                            registerTree(changed);
                            relevant = true;
                        }
                        continue;
                    }
                    if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                        forget(changed);
                    } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
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
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
