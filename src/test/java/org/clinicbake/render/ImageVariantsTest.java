package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture whose article template shows a 1200 px wide photo with image(). Feature
 * tested: the 480 and 960 px copies are kept in the site's cache by the photo's bytes, so a later bake
 * copies them instead of scaling again, a changed photo is scaled anew, and the cache keeps only the
 * copies of the last bake.
 */
class ImageVariantsTest {

    @TempDir
    Path temp;

    @Test
    void aLaterBakeCopiesTheKeptCopiesOfAnUnchangedImage() throws IOException {
        Path site = siteWithPhoto(Color.BLUE);
        bake(site);
        Path cache = site.resolve(".clinicbake/cache/images");
        assertEquals(2, files(cache).size());
        // What the cache holds is what the next bake publishes: a marker proves it was not scaled again.
        byte[] marker = jpeg(480, 240, Color.MAGENTA);
        for (Path kept : files(cache)) {
            if (kept.getFileName().toString().endsWith("-480.jpg")) {
                Files.write(kept, marker);
            }
        }
        Files.writeString(site.resolve("templates/article.peb"), "<!-- edited -->\n", StandardOpenOption.APPEND);

        bake(site);

        assertArrayEquals(marker, Files.readAllBytes(temp.resolve("out/images/photo-480w.jpg")));
    }

    @Test
    void aChangedImageIsScaledAgainAndTheCacheKeepsOnlyItsCopies() throws IOException {
        Path site = siteWithPhoto(Color.BLUE);
        bake(site);

        Files.write(site.resolve("assets/images/photo.jpg"), jpeg(1200, 600, Color.RED));
        bake(site);

        BufferedImage small = ImageIO.read(temp.resolve("out/images/photo-480w.jpg").toFile());
        assertEquals(480, small.getWidth());
        Color middle = new Color(small.getRGB(240, 120));
        assertEquals(true, middle.getRed() > 200 && middle.getBlue() < 60, "the red photo's copy: " + middle);
        assertEquals(2, files(site.resolve(".clinicbake/cache/images")).size(), "the blue photo's copies are gone");
    }

    /** Sources are scaled on the worker threads, each its own copies. */
    @Test
    void eachImageOfManyGetsCopiesOfItself() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {{ image("images/red.jpg", "Red") }} {{ image("images/green.jpg", "Green") }} {{ image("images/blue.jpg", "Blue") }}
                """);
        Files.createDirectories(site.resolve("assets/images"));
        List<Color> colors = List.of(Color.RED, Color.GREEN, Color.BLUE);
        List<String> names = List.of("red", "green", "blue");
        for (int i = 0; i < colors.size(); i++) {
            Files.write(site.resolve("assets/images/" + names.get(i) + ".jpg"), jpeg(1200, 600, colors.get(i)));
        }

        bake(site);

        for (int i = 0; i < colors.size(); i++) {
            for (int width : new int[] {480, 960}) {
                BufferedImage copy = ImageIO.read(temp.resolve("out/images/" + names.get(i) + "-" + width + "w.jpg").toFile());
                assertEquals(width, copy.getWidth());
                Color middle = new Color(copy.getRGB(width / 2, width / 4));
                Color expected = colors.get(i);
                assertEquals(true, Math.abs(middle.getRed() - expected.getRed()) < 40 && Math.abs(middle.getGreen() - expected.getGreen()) < 40
                        && Math.abs(middle.getBlue() - expected.getBlue()) < 40, names.get(i) + " " + width + ": " + middle);
            }
        }
        assertEquals(6, files(site.resolve(".clinicbake/cache/images")).size());
    }

    @Test
    void withTheCacheOffTheCopiesAreMadeAndNoneIsKept() throws IOException {
        Path site = siteWithPhoto(Color.BLUE);
        Files.writeString(site.resolve("jbake.properties"), "\nclinicbake.cache=false\n", StandardOpenOption.APPEND);

        bake(site);

        assertEquals(960, ImageIO.read(temp.resolve("out/images/photo-960w.jpg").toFile()).getWidth());
        assertFalse(Files.exists(site.resolve(".clinicbake/cache/images")));
    }

    private Path siteWithPhoto(Color color) throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {{ image("images/photo.jpg", "The clinic's front desk") }}
                """);
        Files.createDirectories(site.resolve("assets/images"));
        Files.write(site.resolve("assets/images/photo.jpg"), jpeg(1200, 600, color));
        return site;
    }

    private void bake(Path site) throws IOException {
        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    private static byte[] jpeg(int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
