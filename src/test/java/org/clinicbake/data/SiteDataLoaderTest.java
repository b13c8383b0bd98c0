package org.clinicbake.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data files as editors write them: unquoted values YAML 1.1 reads as numbers or booleans, and values
 * of the wrong shape. Each used to stop the bake with an internal error (NumberFormatException for
 * {@code closes: 17:00}, ClassCastException while rendering for {@code name: yes}).
 */
class SiteDataLoaderTest {

    @TempDir
    Path site;

    private static final String CLINIC = """
            name: yes
            description: A clinic.
            telephone: 6195550142
            telephone_display: .inf
            email: care@example.org
            address:
              street: 1 Example Way
              locality: Springfield
              region: CA
              postal_code: 92101
              country: US
            geo:
              latitude: 32.71570
              longitude: -117.16110
            hours:
              - days: Monday
                opens: 08:00
                closes: 17:00
            specialties: Anesthesia
            """;

    @Test
    void keepsUnquotedTimesNumbersAndYesAsTheTextWritten() throws IOException {
        Diagnostics diagnostics = new Diagnostics();

        Map<String, Object> clinic = load(CLINIC, "", diagnostics).clinic();

        assertEquals(List.of(), diagnostics.all());
        assertEquals("yes", clinic.get("name"));
        assertEquals("6195550142", clinic.get("telephone"));
        assertEquals(".inf", clinic.get("telephone_display"));
        assertEquals("92101", ((Map<?, ?>) clinic.get("address")).get("postal_code"));
        assertEquals(new BigDecimal("32.71570"), ((Map<?, ?>) clinic.get("geo")).get("latitude"));
        assertEquals(List.of(Map.of("days", List.of("Monday"), "opens", "08:00", "closes", "17:00")), clinic.get("hours"));
        assertEquals(List.of("Anesthesia"), clinic.get("specialties"));
    }

    @Test
    void reportsAValueOfTheWrongShapeAtItsLine() throws IOException {
        Diagnostics diagnostics = new Diagnostics();

        load(CLINIC.replace("closes: 17:00", "closes: {at: 17}").replace("latitude: 32.71570", "latitude: north"), "", diagnostics);

        assertEquals(List.of(
                        "data/clinic.yml:13: error[data.invalid]: geo's latitude must be a number of degrees, e.g. 32.71570, not 'north'",
                        "data/clinic.yml:18: error[data.invalid]: hours' closes must be text (in quotes when it holds a colon), not a mapping"),
                diagnostics.all().stream().map(Diagnostic::format).map(text -> text.lines().findFirst().orElseThrow()).sorted().toList());
    }

    @Test
    void reportsOpeningHoursNobodyCouldReadAtTheirLines() throws IOException {
        for (String[] bad : List.of(
                new String[] {"days: Monday", "days: Funday", "data/clinic.yml:16: error[data.invalid]: 'Funday' is not a day of the week"},
                new String[] {"opens: 08:00", "opens: 25:00", "data/clinic.yml:17: error[data.invalid]: hours' opens '25:00' is not a time of day like \"08:30\""},
                new String[] {"opens: 08:00", "opens: 8am", "data/clinic.yml:17: error[data.invalid]: hours' opens '8am' is not a time of day like \"08:30\""},
                new String[] {"closes: 17:00", "closes: 07:00", "data/clinic.yml:18: error[data.invalid]: the clinic closes at 07:00, not after it opens at 08:00"})) {
            Diagnostics diagnostics = new Diagnostics();

            load(CLINIC.replace(bad[0], bad[1]), "", diagnostics);

            assertEquals(List.of(bad[2]), diagnostics.all().stream().map(Diagnostic::format).map(text -> text.lines().findFirst().orElseThrow()).toList());
        }
    }

    @Test
    void reportsContactsNoLinkCouldUseAtTheirLines() throws IOException {
        Diagnostics diagnostics = new Diagnostics();

        load(CLINIC.replace("telephone: 6195550142", "telephone: call us").replace("email: care@example.org",
                "email: care at example.org\nbooking_url: book.example.org"), "", diagnostics);

        assertEquals(List.of(
                        "data/clinic.yml:3: error[data.invalid]: telephone 'call us' is not a number a phone can dial",
                        "data/clinic.yml:5: error[data.invalid]: email 'care at example.org' is not an email address",
                        "data/clinic.yml:6: error[data.invalid]: booking_url 'book.example.org' is not a web address"),
                diagnostics.all().stream().map(Diagnostic::format).map(text -> text.lines().findFirst().orElseThrow()).sorted().toList());
    }

    @Test
    void readsAProvidersTextFieldsAsWrittenAndOneCredentialAsAList() throws IOException {
        Diagnostics diagnostics = new Diagnostics();

        Provider provider = load(CLINIC, """
                ann-lee:
                  name: Ann Lee
                  honorific_suffix: on
                  npi: 1234567890
                  credentials: Board certified
                """, diagnostics).provider("ann-lee").orElseThrow();

        assertEquals(List.of(), diagnostics.all());
        assertEquals("on", provider.honorificSuffix());
        assertEquals("1234567890", provider.npi());
        assertEquals(List.of("Board certified"), provider.credentials());
    }

    @Test
    void aProviderGivenTwiceFailsTheBakeAtTheSecondWithAHintToKeepOne() throws IOException {
        Path fixture = org.clinicbake.testing.SiteFixture.write(site.resolve("site"), org.clinicbake.testing.SiteFixture.MINIMAL_SITE);
        Files.writeString(fixture.resolve("data/providers.yml"), "ben-cho:\n  name: Ben Cho-Park\n  honorific_suffix: DO\n",
                java.nio.file.StandardOpenOption.APPEND);
        int second = Files.readAllLines(fixture.resolve("data/providers.yml")).size() - 2;

        org.clinicbake.BakeResult result = org.clinicbake.ClinicBake.bake(fixture, site.resolve("out"),
                org.clinicbake.testing.SiteFixture.options());

        // The hint was the one for indentation and quoting: editors looked for a typo that is not there.
        assertEquals(List.of("data/providers.yml:" + second + ": error[data.invalid-yaml]: invalid YAML: found duplicate key ben-cho",
                        "  hint: each key may be given once in a mapping: keep one 'ben-cho', merging what the two say"),
                result.diagnostics().stream().map(Diagnostic::format).flatMap(String::lines).toList());
    }

    @Test
    void reportsAClinicFileWithNothingButCommentsAsMissingItsFields() throws IOException {
        Diagnostics diagnostics = new Diagnostics();

        load("# the clinic's details, to do\n", "", diagnostics);

        assertEquals(List.of(
                        "data/clinic.yml:1: error[data.missing-field]: clinic.yml has no address",
                        "data/clinic.yml:1: error[data.missing-field]: clinic.yml has no description",
                        "data/clinic.yml:1: error[data.missing-field]: clinic.yml has no name",
                        "data/clinic.yml:1: error[data.missing-field]: clinic.yml has no telephone",
                        "data/clinic.yml:1: error[data.missing-field]: clinic.yml has no telephone_display"),
                diagnostics.all().stream().map(Diagnostic::format).map(text -> text.lines().findFirst().orElseThrow()).sorted().toList());
    }

    @Test
    void readsAnEmptyProvidersFileAsNoProvidersSoBylinesAreStillChecked() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Files.createDirectories(site.resolve("data"));
        Files.writeString(site.resolve("data/clinic.yml"), CLINIC);
        Files.writeString(site.resolve("data/providers.yml"), "");

        SiteData data = new SiteDataLoader(diagnostics).load(site);

        assertEquals(List.of(), diagnostics.all());
        assertEquals(true, data.providersRead());
        assertEquals(Map.of(), data.providers());
    }

    @Test
    void tellsAProvidersFileWrittenAsAListHowToWriteIt() throws IOException {
        Diagnostics diagnostics = new Diagnostics();

        load(CLINIC, "- name: Maya Okafor\n- name: Daniel Reyes\n", diagnostics);

        Diagnostic only = diagnostics.all().get(0);
        assertEquals(1, diagnostics.all().size());
        assertEquals("data/providers.yml:1: error[data.invalid]: expected a mapping of `key: value` lines at the top level",
                only.format().lines().findFirst().orElseThrow());
        assertEquals("write each provider as its id followed by a colon (`maya-okafor:`), with its fields indented below, "
                + "not as `- ` list items", only.hint());
    }

    @Test
    void aClinicAddressMissingAFieldIsReportedOnceAtItsAddressLine() throws IOException {
        BakeResult result = SiteFixture.bake(site, SiteFixture.MINIMAL_SITE.replace("  locality: Springfield\n", ""));

        // It was line 1, and the theme's address partial added "'locality' does not exist", naming no data file.
        assertEquals(List.of("data/clinic.yml:5: error[data.missing-field]: clinic.yml's address has no locality"),
                SiteFixture.firstLines(result));
    }

    @Test
    void aDataFileThatIsNotUtf8IsReportedOnceAtTheLineOfItsFirstBadByte() throws IOException {
        Path written = SiteFixture.write(site.resolve("site"), SiteFixture.MINIMAL_SITE);
        Files.write(written.resolve("data/providers.yml"), Files.readString(written.resolve("data/providers.yml"))
                .replace("job_title: Physiatrist", "job_title: Physiatre \u00e9quipe").getBytes(StandardCharsets.ISO_8859_1));

        BakeResult result = ClinicBake.bake(written, site.resolve("out"), SiteFixture.options());

        // Both readers of data/ said it, one without a line and the other as "cannot read the data file: MalformedInputException".
        assertEquals(List.of("data/providers.yml:10: error[data.encoding]: the file is not valid UTF-8",
                        "  hint: save the file with UTF-8 encoding (most editors have it under 'Save with encoding')"),
                result.diagnostics().stream().map(Diagnostic::format).flatMap(String::lines).toList());
    }

    @Test
    void aFolderWhereADataFileShouldBeIsUnreadableNotInvalidYaml() throws IOException {
        Files.createDirectories(site.resolve("data/clinic.yml"));
        Files.writeString(site.resolve("data/providers.yml"), "{}\n");
        Diagnostics diagnostics = new Diagnostics();

        new SiteDataLoader(diagnostics).load(site);

        // It was "invalid YAML: java.io.IOException: Is a directory", to be fixed by checking the indentation.
        assertEquals(List.of("data/clinic.yml: error[data.unreadable]: cannot read the file: Is a directory",
                        "  hint: this is a folder: put the data in a file of this name instead"),
                diagnostics.all().stream().map(Diagnostic::format).flatMap(String::lines).toList());
    }

    @Test
    void aSiteWithoutClinicDataIsToldWhatTheFileHolds() throws IOException {
        BakeResult result = SiteFixture.bake(site, SiteFixture.MINIMAL_SITE.replace("-- data/clinic.yml --", "-- data/clinic-draft.yml --"));

        assertEquals(List.of("data/clinic.yml: error[data.missing-file]: the site has no clinic data",
                        "  hint: create data/clinic.yml with the clinic's name, description, telephone, telephone_display and address (see README.md)"),
                result.diagnostics().stream().map(Diagnostic::format).flatMap(String::lines).toList());
    }

    private SiteData load(String clinic, String providers, Diagnostics diagnostics) throws IOException {
        Files.createDirectories(site.resolve("data"));
        Files.writeString(site.resolve("data/clinic.yml"), clinic);
        Files.writeString(site.resolve("data/providers.yml"), providers.isEmpty() ? "{}\n" : providers);
        return new SiteDataLoader(diagnostics).load(site);
    }
}
