package org.clinicbake.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: a copy of the repository's {@code site/} (the sample clinic) without its cache, so the
 * user's own {@code site/.clinicbake} cache and {@code site/output} are never touched. The first bake
 * converts every article and fills the copy's cache; the second takes every article from it.
 * Features tested: two bakes of the same sources give byte-identical output (same files, same
 * bytes), whether Asciidoctor converted every article or the conversion cache supplied them, and
 * whatever the output folder is called.
 */
class DeterministicOutputTest {

    @TempDir
    Path temp;

    @Test
    void twoBakesOfTheSameSiteAreByteIdenticalWhetherConvertedOrCached() throws IOException {
        Path site = temp.resolve("site");
        // Without site/output (the user's last bake) and site/.clinicbake (the user's cache): the cache
        // is keyed by each article's absolute path, so its entries could never match the copy anyway.
        SiteFixture.copy(Path.of("site"), site, relative -> relative.startsWith("output") || relative.startsWith(".clinicbake"));

        Path first = temp.resolve("first-output");
        BakeResult converting = ClinicBake.bake(site, first, SiteFixture.options());
        Path second = temp.resolve("second-output");
        BakeResult cached = ClinicBake.bake(site, second, SiteFixture.options());

        assertEquals(List.of(), converting.errors(), "first bake");
        assertEquals(List.of(), cached.errors(), "second bake");
        assertTrue(converting.published() && cached.published());
        assertTrue(converting.work().converted() > 0 && converting.work().reused() == 0,
                "the first bake converts every article: " + converting.work());
        assertTrue(cached.work().reused() > 0 && cached.work().converted() == 0,
                "the second bake takes every article from the cache: " + cached.work());

        SortedMap<String, byte[]> a = OutputTrees.read(first);
        SortedMap<String, byte[]> b = OutputTrees.read(second);
        assertTrue(a.size() > 30, "files: " + a.keySet());
        OutputTrees.firstDifference(a, b).ifPresent(difference ->
                fail("a converted bake and a cached bake of the same site differ: " + difference));
        assertTrue(Files.isDirectory(site.resolve(".clinicbake/cache")), "the copy has its own cache");
    }
}
