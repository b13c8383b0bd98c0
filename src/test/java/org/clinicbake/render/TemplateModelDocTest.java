package org.clinicbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template model page (src/docs/template-model.md) cannot drift from the code: a template that
 * dumps the keys it receives is baked, and the set must equal the documented one.
 */
class TemplateModelDocTest {

    private static final Pattern DOCUMENTED = Pattern.compile("\\| `((?:site|page)\\.[a-z_]+)` \\|");

    @TempDir
    Path temp;

    @Test
    void everyVariableTemplatesReceiveIsDocumentedAndNothingElse() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), SiteFixture.MINIMAL_SITE + """
                -- templates/article.peb --
                {% for entry in site %}site.{{ entry.key }};{% endfor %}{% for entry in page %}page.{{ entry.key }};{% endfor %}
                """);
        org.clinicbake.ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());
        Set<String> received = new TreeSet<>(java.util.Arrays.stream(
                        Files.readString(temp.resolve("out/procedures/nerve-block.html")).split(";"))
                .map(String::strip).filter(name -> !name.isEmpty()).toList());

        Set<String> documented = new TreeSet<>();
        String document = Files.readString(Path.of("src/docs/template-model.md"));
        Matcher matcher = DOCUMENTED.matcher(document.substring(0, document.indexOf("## Functions and filters")));
        while (matcher.find()) {
            documented.add(matcher.group(1));
        }

        assertEquals(documented, received);
    }
}
