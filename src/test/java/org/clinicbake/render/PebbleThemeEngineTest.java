package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Site: the minimal fixture with one template mistake each, reported where the theme developer made it. */
class PebbleThemeEngineTest {

    @TempDir
    Path temp;

    @Test
    void aMissingPartialIsReportedAtTheIncludeThatNamesIt() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/footer.peb --
                <footer>
                {% include "partials/opening-hours.peb" %}
                </footer>
                """);

        Diagnostic only = single(result);
        assertEquals("templates/partials/footer.peb:2: error[template.missing]: template 'partials/opening-hours.peb' does not exist",
                only.format().lines().findFirst().orElseThrow());
        assertEquals("no layer (site, default) has it: add templates/partials/opening-hours.peb, or correct the name", only.hint());
    }

    @Test
    void aPartialNamedFromTheRootWithASlashIsReportedAtTheInclude() throws IOException {
        // Written as a web path; the error named the page's own template as the one that did not exist.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {% include "/partials/footer.peb" %}
                """);

        Diagnostic only = single(result);
        assertEquals("templates/article.peb:2: error[template.missing]: template '/partials/footer.peb' is outside every layer's templates folder",
                only.format().lines().findFirst().orElseThrow());
    }

    @Test
    void aMissingParentIsReportedAtTheExtendsThatNamesIt() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                {# the theme's article, with another lead #}
                {% extends "theme:articel.peb" %}
                """);

        assertEquals("templates/article.peb:2: error[template.missing]: template 'theme:articel.peb' does not exist",
                single(result).format().lines().findFirst().orElseThrow());
    }

    @Test
    void aPluginFilterThatThrowsIsATemplateErrorAtTheLineThatUsesIt() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/footer.peb --
                <footer>
                <p>{{ page.tags | greeting_shout }}</p>
                </footer>
                """);

        Diagnostic only = single(result);
        assertEquals("templates/partials/footer.peb:2: error[template.error]", only.path() + ":" + only.line() + ": "
                + only.severity().name().toLowerCase(java.util.Locale.ROOT) + "[" + only.code() + "]");
        assertTrue(only.message().startsWith("the filter 'greeting_shout' failed: ClassCastException: class java.util."), only.message());
        assertFalse(only.message().contains("module java.base"), "the class loaders a ClassCastException lists: " + only.message());
    }

    @Test
    void aFunctionsErrorInAPartialNamesThePartial() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/footer.peb --
                <footer>
                <link rel="preload" href="{{ asset("fonts/missing.woff2") }}">
                </footer>
                """);

        assertEquals("templates/partials/footer.peb:2: error[template.error]: no asset 'fonts/missing.woff2' in the site's or the theme's assets/",
                single(result).format().lines().findFirst().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ page.tags | date(\"yyyy\") }}", "{{ page.title | abbreviate(\"x\") }}",
            "{{ site.updated | date(\"not a pattern\") }}", "{{ max(\"a\", 1) }}"})
    void aPebbleFilterOrFunctionGivenTheWrongValueIsATemplateErrorAtTheLineInThePartial(String mistake) throws IOException {
        // Pebble's own throw a plain Java exception here, which Pebble passes on with no template or line.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/footer.peb --
                <footer>
                <p>%s</p>
                </footer>
                """.formatted(mistake));

        Diagnostic only = single(result);
        assertEquals("templates/partials/footer.peb:2 template.error", only.path() + ":" + only.line() + " " + only.code());
        // Pebble's page for it says what it takes; "fix the expression" said nothing the developer did not know.
        String name = mistake.replaceAll("^.*?(?:\\| |\\{\\{ )(\\w+)\\(.*$", "$1");
        assertEquals("what the " + (mistake.contains("|") ? "filter" : "function") + " takes: https://pebbletemplates.io/wiki/"
                + (mistake.contains("|") ? "filter/" : "function/") + name + "/", only.hint(), only.message());
    }

    @Test
    void aCallOfAMacroThatDoesNotExistIsReportedInTheBlockThatCallsIt() throws IOException {
        // Pebble names the last parent it looked in (the theme's base.peb) with the caller's line.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                {% extends "theme:article.peb" %}
                {% block content %}<h1>{{ page.title }}</h1>
                <p>{{ fact_box(page.title) }}</p>
                {% endblock %}
                """);

        assertEquals("templates/article.peb:3: error[template.error]: no function or macro 'fact_box'",
                single(result).format().lines().findFirst().orElseThrow());
    }

    @Test
    void importingAMacroTheOtherTemplateDoesNotHaveIsReportedAtTheFrom() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/macros.peb --
                {% macro fact_box(title) %}<aside>{{ title }}</aside>{% endmacro %}
                -- templates/partials/footer.peb --
                <footer>
                {% from "partials/macros.peb" import fact_bx %}
                </footer>
                """);

        Diagnostic only = single(result);
        assertEquals("templates/partials/footer.peb:2: error[template.error]: the template this {% from %} imports has no macro 'fact_bx'",
                only.format().lines().findFirst().orElseThrow());
        assertEquals("import a {% macro %} that template defines, or define 'fact_bx' there", only.hint());
    }

    @Test
    void aTemplateThatExtendsItselfIsATemplateErrorAtTheExtends() throws IOException {
        // The mistake: "article.peb" where "theme:article.peb" was meant. Pebble recursed until the stack ran out.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                {% extends "article.peb" %}
                {% block content %}<h1>{{ page.title }}</h1>{% endblock %}
                """);

        Diagnostic only = single(result);
        assertEquals("templates/article.peb:1: error[template.error]: 'article.peb' leads back to this template, so it never "
                + "finishes: templates/article.peb -> templates/article.peb", only.format().lines().findFirst().orElseThrow());
        assertTrue(only.hint().startsWith("to build on the theme's template of the same name, name its layer: \"theme:article.peb\""),
                only.hint());
    }

    @Test
    void partialsThatIncludeEachOtherAreATemplateErrorAtTheIncludeThatClosesTheLoop() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/footer.peb --
                <footer>
                {% include "partials/hours.peb" %}
                </footer>
                -- templates/partials/hours.peb --
                <p>Open weekdays</p>
                {% include "partials/footer.peb" %}
                """);

        assertEquals("templates/partials/hours.peb:2: error[template.error]: 'partials/footer.peb' leads back to this template, "
                        + "so it never finishes: templates/partials/footer.peb -> templates/partials/hours.peb -> templates/partials/footer.peb",
                single(result).format().lines().findFirst().orElseThrow());
    }

    @Test
    void aMacroThatCallsItselfWithNothingToStopItIsOneErrorAtTheMacro() throws IOException {
        // It was one error for every page template that used the footer, each naming that template, with no line.
        BakeResult result = bake(MINIMAL_SITE + SiteFixture.CLINIC_PAGE + """
                -- templates/partials/footer.peb --
                <footer>
                {% macro crumbs(path) %}<span>{{ crumbs(path) }}</span>{% endmacro %}
                <p>{{ crumbs("home") }}</p>
                </footer>
                """);

        assertEquals(List.of("templates/partials/footer.peb:2: error[template.error]: this macro calls itself with nothing to stop it, "
                + "so rendering never ends"), result.diagnostics().stream().map(SiteFixture::firstLine).toList());
    }

    @Test
    void aMacroThatCallsItselfInsideAnIfRenders() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/footer.peb --
                <footer>
                {% macro countdown(n) %}{{ n }}{% if n > 1 %} {{ countdown(n - 1) }}{% endif %}{% endmacro %}
                <p>{{ countdown(3) }}</p>
                </footer>
                """);

        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void aPartialNotSavedAsUtf8IsAnEncodingErrorAtTheLineOfTheFirstBadByte() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path footer = Files.createDirectories(site.resolve("templates/partials")).resolve("footer.peb");
        // Windows-1252, as an editor may save it: "Café" with é as the single byte E9.
        Files.write(footer, "<footer>\n<p>Caf\u00e9 hours</p>\n</footer>\n".getBytes(StandardCharsets.ISO_8859_1));

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        Diagnostic only = single(result);
        assertEquals("templates/partials/footer.peb:2: error[template.encoding]: the template is not valid UTF-8",
                only.format().lines().findFirst().orElseThrow());
    }

    @Test
    void anEmptyPageTemplateIsReportedOnceAtTheTemplateAndPublishesNothing() throws IOException {
        // Saved with a newline, the override made each article a one-byte page, and the bake published them.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --

                """);

        assertEquals("templates/article.peb: error[template.empty]: the template is empty, so every page rendered from it would be blank",
                single(result).format().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(temp.resolve("out/procedures/nerve-block.html")));
    }

    @Test
    void readingThePageInAMacroSaysAMacroSeesOnlyItsArguments() throws IOException {
        // "variable 'page' does not exist", with a hint to the page that lists page, sent the developer looking for a typo.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/macros.peb --
                {% macro updated() %}
                <p>Updated {{ page.last_reviewed | long_date }}</p>
                {% endmacro %}
                -- templates/partials/footer.peb --
                {% import "partials/macros.peb" %}<footer>{{ updated() }}</footer>
                """);

        Diagnostic only = single(result);
        assertEquals("templates/partials/macros.peb:2: error[template.undefined-variable]: variable 'page' is not visible here: "
                + "a macro sees only its own arguments", only.format().lines().findFirst().orElseThrow());
        assertEquals("pass it to the macro: {% macro card(page) %}...{% endmacro %}, called as {{ card(page) }}", only.hint());
    }

    @Test
    void textOutsideTheBlocksOfATemplateThatExtendsIsATemplateErrorNotMissingFromThePage() throws IOException {
        // Pebble renders only the blocks of such a template: the notice was left out of every article, without a word.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                {% extends "theme:article.peb" %}

                <p class="notice">Call us before your visit.</p>
                {% block title %}{{ page.title }}{% endblock %}
                """);

        assertEquals("templates/article.peb:3: error[template.syntax]: this is outside every {% block %} of a template that "
                + "extends another, so it would never be on a page", single(result).format().lines().findFirst().orElseThrow());
    }

    @Test
    void aMisspeltBlockNameIsATemplateErrorNotAnOverrideThatNeverShows() throws IOException {
        // Pebble renders only the parent's blocks: the theme's content stayed on every article, without a word.
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                {% extends "theme:article.peb" %}
                {% block contnet %}<h1>{{ page.title }}</h1>{% endblock %}
                """);

        Diagnostic only = single(result);
        assertEquals("templates/article.peb:2: error[template.syntax]: 'theme:article.peb' has no block 'contnet', so this one "
                + "would never be on a page", only.format().lines().findFirst().orElseThrow());
        assertTrue(only.hint().startsWith("fill one of its blocks: ") && only.hint().contains("content"), only.hint());
    }

    @Test
    void aMisspeltVariableNamesThePageThatListsTheVariables() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                <p>{{ page.last_reviewd }}</p>
                """);

        Diagnostic only = single(result);
        assertEquals("templates/article.peb:2: error[template.undefined-variable]: 'last_reviewd' does not exist on the value it is read from",
                only.format().lines().findFirst().orElseThrow());
        assertEquals("src/docs/template-model.md lists every variable; a nullable one is always there, so test it with `is not null`",
                only.hint());
    }

    @Test
    void aMisspeltVariableInAnIfConditionIsReportedAsTheMisspeltVariable() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {% if page.last_reviewd is not null %}<p>Reviewed</p>{% endif %}
                """);

        assertEquals("templates/article.peb:2: error[template.undefined-variable]: 'last_reviewd' does not exist on the value it is read from",
                single(result).format().lines().findFirst().orElseThrow());
    }

    private BakeResult bake(String fixture) throws IOException {
        return ClinicBake.bake(SiteFixture.write(temp.resolve("site"), fixture), temp.resolve("out"), SiteFixture.options());
    }

    private static Diagnostic single(BakeResult result) {
        List<Diagnostic> diagnostics = result.diagnostics();
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        return diagnostics.get(0);
    }
}
