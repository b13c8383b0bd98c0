package org.clinicbake.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Read once (in the compact form bakes read) and shared: every test only reads it. */
    private static SchemaVocabulary vocabulary;
    private static SchemaValidator validator;

    @BeforeAll
    static void loadVocabulary() {
        long start = System.nanoTime();
        vocabulary = SchemaVocabulary.load();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("schema.org vocabulary: %d types, %d properties loaded in %d ms%n",
                vocabulary.typeCount(), vocabulary.propertyCount(), millis);
        validator = new SchemaValidator(vocabulary);
    }

    private static final String VALID_GRAPH = """
            {"@context": "https://schema.org", "@graph": [
              {"@type": "MedicalWebPage", "@id": "https://clinic.example/esi/#webpage",
               "url": "https://clinic.example/esi/", "name": "Epidural Steroid Injection", "inLanguage": "en-US",
               "about": [{"@id": "https://clinic.example/esi/#therapy"}, {"@id": "https://clinic.example/sciatica/#condition"}],
               "mainEntity": {"@id": "https://clinic.example/esi/#therapy"},
               "medicalAudience": {"@type": "Patient"},
               "lastReviewed": "2026-09-15",
               "reviewedBy": {"@id": "https://clinic.example/providers/jane-doe/#person"},
               "specialty": "https://schema.org/Anesthesia",
               "breadcrumb": {"@id": "https://clinic.example/esi/#breadcrumb"},
               "isPartOf": {"@id": "https://clinic.example/#website"},
               "citation": [{"@type": "CreativeWork", "name": "FDA Drug Safety Communication",
                             "url": "https://www.fda.gov/Drugs/DrugSafety/ucm394280.htm", "datePublished": "2014-04-23"}]},
              {"@type": "Article", "@id": "https://clinic.example/esi/#article",
               "mainEntityOfPage": {"@id": "https://clinic.example/esi/#webpage"},
               "headline": "Epidural Steroid Injection: What to Expect",
               "image": ["https://clinic.example/esi-1x1.png", "https://clinic.example/esi-16x9.png"],
               "datePublished": "2025-03-02T09:00:00-05:00", "dateModified": "2026-09-15T10:30:00-04:00",
               "author": [{"@id": "https://clinic.example/providers/john-roe/#person"}],
               "publisher": {"@id": "https://clinic.example/#clinic"}},
              {"@type": "MedicalTherapy", "@id": "https://clinic.example/esi/#therapy",
               "name": "Epidural steroid injection", "alternateName": ["ESI"],
               "procedureType": "https://schema.org/PercutaneousProcedure",
               "bodyLocation": "Epidural space of the lumbar spine",
               "howPerformed": "Under fluoroscopic guidance.",
               "preparation": "Tell your doctor about blood thinners.",
               "followup": "Most people go home the same day.",
               "drug": {"@type": "Drug", "name": "Corticosteroid", "administrationRoute": "Epidural injection"},
               "contraindication": ["Active infection at the injection site", "Bleeding disorder"],
               "adverseOutcome": [{"@type": "MedicalSignOrSymptom", "name": "Temporary increase in pain"},
                                  {"@type": "MedicalCondition", "name": "Post-dural-puncture headache"}],
               "seriousAdverseOutcome": {"@type": "MedicalCondition", "name": "Spinal cord injury (rare)"},
               "relevantSpecialty": "https://schema.org/Anesthesia"},
              {"@type": "MedicalCondition", "@id": "https://clinic.example/sciatica/#condition", "name": "Sciatica",
               "signOrSymptom": {"@type": "MedicalSignOrSymptom", "name": "Leg pain"},
               "possibleTreatment": {"@type": "MedicalTherapy", "name": "Epidural steroid injection",
                                     "url": "https://clinic.example/esi/"},
               "riskFactor": {"@type": "MedicalRiskFactor", "name": "Heavy lifting"},
               "associatedAnatomy": {"@type": "AnatomicalStructure", "name": "Sciatic nerve"}},
              {"@type": "Person", "@id": "https://clinic.example/providers/jane-doe/#person", "name": "Jane Doe",
               "honorificPrefix": "Dr.", "honorificSuffix": "MD", "jobTitle": "Interventional Pain Physician",
               "url": "https://clinic.example/providers/jane-doe/",
               "worksFor": {"@id": "https://clinic.example/#clinic"}},
              {"@type": "MedicalClinic", "@id": "https://clinic.example/#clinic", "name": "Example Pain Clinic",
               "url": "https://clinic.example/", "telephone": "+1-555-010-0199",
               "address": {"@type": "PostalAddress", "streetAddress": "1 Main St", "addressLocality": "Springfield",
                           "addressRegion": "IL", "postalCode": "62701", "addressCountry": "US"},
               "geo": {"@type": "GeoCoordinates", "latitude": 39.78172, "longitude": -89.65015},
               "openingHoursSpecification": [{"@type": "OpeningHoursSpecification",
                   "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday"],
                   "opens": "08:00", "closes": "17:00"}],
               "medicalSpecialty": ["https://schema.org/Anesthesia", "https://schema.org/Musculoskeletal"],
               "availableService": [{"@id": "https://clinic.example/esi/#therapy"},
                                    {"@type": "TherapeuticProcedure", "name": "Facet joint injection"}]},
              {"@type": "BreadcrumbList", "@id": "https://clinic.example/esi/#breadcrumb", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Procedures", "item": "https://clinic.example/procedures/"},
                {"@type": "ListItem", "position": 2, "name": "Epidural Steroid Injection"}]},
              {"@type": "WebSite", "@id": "https://clinic.example/#website", "name": "Example Pain Clinic",
               "url": "https://clinic.example/"}
            ]}
            """;

    @Test
    void acceptsAValidMedicalGraph() {
        assertEquals(List.of(), validator.validate(json(VALID_GRAPH)));
    }

    @Test
    void reportsTheRemovedIndicationPropertyAsUnknown() {
        List<SchemaProblem> problems = validate("""
                {"@type": "MedicalTherapy", "@id": "#esi", "name": "ESI", "indication": "Sciatica"}
                """);

        assertProblems(List.of("ERROR schema.unknown-property #esi indication: unknown schema.org property 'indication'"),
                problems);
        assertTrue(problems.get(0).hint().contains("7.0"), problems.get(0).hint());
    }

    @Test
    void reportsPainMedicineAsAnUnknownTypeNamedByItsTypeWhenItHasNoId() {
        List<SchemaProblem> problems = validate("""
                {"@type": "PainMedicine", "name": "Pain medicine"}
                """);

        assertProblems(List.of("ERROR schema.unknown-type PainMedicine null: unknown schema.org type 'PainMedicine'"),
                problems);
    }

    @Test
    void hintsThatAnEnumerationMemberIsNotAType() {
        List<SchemaProblem> problems = validate("""
                {"@type": "Anesthesia", "@id": "#x"}
                """);

        assertProblems(List.of("ERROR schema.unknown-type #x null: unknown schema.org type 'Anesthesia'"), problems);
        assertTrue(problems.get(0).hint().contains("member of MedicalSpecialty"), problems.get(0).hint());
    }

    @Test
    void reportsPainMedicineAsASpecialtyThatIsNoMember() {
        List<SchemaProblem> problems = validate("""
                {"@type": "MedicalWebPage", "@id": "#page", "specialty": "https://schema.org/PainMedicine"}
                """);

        assertProblems(List.of("WARNING schema.enum-member #page specialty: "
                + "'PainMedicine' is not a member of Specialty, which property 'specialty' expects"), problems);
        assertTrue(problems.get(0).hint().contains("Anesthesia"), problems.get(0).hint());
    }

    @Test
    void warnsThatAspectIsSupersededByMainContentOfPage() {
        assertProblems(List.of("WARNING schema.superseded #page aspect: "
                + "property 'aspect' is superseded by 'mainContentOfPage'"),
                validate("""
                        {"@type": "MedicalWebPage", "@id": "#page", "aspect": "Treatment"}
                        """));
    }

    @Test
    void warnsAboutContraindicationAndSeriousAdverseOutcomeOnATherapeuticProcedure() {
        List<SchemaProblem> problems = validate("""
                {"@type": "TherapeuticProcedure", "@id": "#facet", "name": "Facet joint injection",
                 "contraindication": "Active infection",
                 "seriousAdverseOutcome": {"@type": "MedicalCondition", "name": "Infection"}}
                """);

        assertProblems(List.of(
                "WARNING schema.domain #facet contraindication: "
                        + "property 'contraindication' is not expected on TherapeuticProcedure",
                "WARNING schema.domain #facet seriousAdverseOutcome: "
                        + "property 'seriousAdverseOutcome' is not expected on TherapeuticProcedure"),
                problems);
        assertTrue(problems.get(0).hint().contains("MedicalTherapy or MedicalDevice"), problems.get(0).hint());
    }

    @Test
    void warnsWhenPossibleTreatmentIsATherapeuticProcedure() {
        assertProblems(List.of("WARNING schema.range #sciatica possibleTreatment: property 'possibleTreatment' "
                + "expects MedicalTherapy, Drug, LifestyleModification or DrugClass, not TherapeuticProcedure"),
                validate("""
                        {"@type": "MedicalCondition", "@id": "#sciatica",
                         "possibleTreatment": {"@type": "TherapeuticProcedure", "name": "Facet joint injection"}}
                        """));
    }

    @Test
    void acceptsSubclassesOfRangeClasses() {
        // PhysicalTherapy is a MedicalTherapy; Patient is a MedicalAudience.
        assertProblems(List.of(), validate("""
                {"@context": "https://schema.org", "@graph": [
                 {"@type": "MedicalCondition", "@id": "#c", "possibleTreatment": {"@type": "PhysicalTherapy"}},
                 {"@type": "MedicalWebPage", "@id": "#p", "medicalAudience": [{"@type": "Patient"},
                                                                          "https://schema.org/Clinician"]}]}
                """));
    }

    @Test
    void warnsThatSurgicalIsNoMedicalProcedureType() {
        List<SchemaProblem> problems = validate("""
                {"@type": "MedicalTherapy", "@id": "#rfa", "procedureType": "https://schema.org/Surgical"}
                """);

        assertProblems(List.of("WARNING schema.enum-member #rfa procedureType: "
                + "'Surgical' is not a member of MedicalProcedureType, which property 'procedureType' expects"), problems);
        assertEquals("'Surgical' is a member of MedicalSpecialty; "
                + "use a member of MedicalProcedureType: NoninvasiveProcedure, PercutaneousProcedure",
                problems.get(0).hint());
    }

    @Test
    void allowsPendingTerms() {
        assertTrue(vocabulary.isPending("jobTitle"));
        assertTrue(vocabulary.isPending("isAcceptingNewPatients"));
        assertProblems(List.of(), validate("""
                {"@context": "https://schema.org", "@graph": [
                 {"@type": "Person", "@id": "#jane", "jobTitle": "Pain physician",
                  "hasCredential": {"@type": "EducationalOccupationalCredential", "credentialCategory": "Board certification"}},
                 {"@type": "Physician", "@id": "#practice", "usNPI": "1234567890", "name": "Jane Doe, MD", "address": "1 Main St"},
                 {"@type": "MedicalClinic", "@id": "#clinic", "isAcceptingNewPatients": true},
                 {"@type": "MedicalClinic", "@id": "#clinic", "name": "Example Pain Clinic", "address": "1 Main St"}]}
                """));
    }

    /**
     * Google's local business documentation requires a name and an address of every local business (a MedicalClinic, a
     * Physician): without them the clinic is no local business result. Another description of the same @id in the graph
     * may give them; a business named inside another node (a Person's worksFor) is no item of its own.
     */
    @Test
    void rejectsALocalBusinessWithoutNameOrAddress() {
        assertProblems(List.of(
                "ERROR google.local-business #clinic address: a local business needs 'address', which Google requires of every local business",
                "ERROR google.local-business Physician name: a local business needs 'name', which Google requires of every local business",
                "ERROR google.local-business Physician address: a local business needs 'address', which Google requires of every local business"),
                validate("""
                        {"@context": "https://schema.org", "@graph": [
                         {"@type": "MedicalClinic", "@id": "#clinic", "name": "Example Pain Clinic", "telephone": "+1-555-010-0199"},
                         {"@type": "Physician", "name": " "},
                         {"@type": "Person", "name": "Jane Doe", "worksFor": {"@type": "MedicalClinic", "name": "Other Clinic"}},
                         {"@type": "MedicalClinic", "@id": "#other", "address": {"@type": "PostalAddress", "addressLocality": "Springfield"}},
                         {"@type": "MedicalClinic", "@id": "#other", "name": "Other Clinic"}]}
                        """));
    }

    @Test
    void rejectsABreadcrumbWithOneItem() {
        assertProblems(List.of("ERROR google.breadcrumb #crumbs itemListElement: "
                + "'itemListElement' of a BreadcrumbList needs at least 2 ListItems, found 1"),
                validate("""
                        {"@type": "BreadcrumbList", "@id": "#crumbs", "itemListElement":
                          [{"@type": "ListItem", "position": 1, "name": "Procedures"}]}
                        """));
    }

    @Test
    void rejectsBreadcrumbPositionsOutOfOrder() {
        assertProblems(List.of("ERROR google.breadcrumb #crumbs position: "
                + "'position' of the breadcrumb ListItems must run 1 to 2 in order, found 2, 1"),
                validate("""
                        {"@type": "BreadcrumbList", "@id": "#crumbs", "itemListElement": [
                          {"@type": "ListItem", "position": 2, "name": "ESI", "item": "https://clinic.example/esi/"},
                          {"@type": "ListItem", "position": 1, "name": "Procedures", "item": "https://clinic.example/p/"}]}
                        """));
    }

    @Test
    void rejectsBreadcrumbItemsWithoutNameOrLink() {
        assertProblems(List.of(
                "ERROR google.breadcrumb #crumbs name: breadcrumb ListItem 1 has no 'name'",
                "ERROR google.breadcrumb #crumbs item: breadcrumb ListItem 1 has no 'item'"),
                validate("""
                        {"@type": "BreadcrumbList", "@id": "#crumbs", "itemListElement": [
                          {"@type": "ListItem", "position": 1},
                          {"@type": "ListItem", "position": 2, "name": "ESI"}]}
                        """));
    }

    @Test
    void followsReferencesToBreadcrumbListItems() {
        assertProblems(List.of(), validate("""
                {"@context": "https://schema.org", "@graph": [
                 {"@type": "BreadcrumbList", "@id": "#crumbs", "itemListElement": [{"@id": "#one"}, {"@id": "#two"}]},
                 {"@type": "ListItem", "@id": "#one", "position": 1, "name": "Procedures", "item": "https://clinic.example/p/"},
                 {"@type": "ListItem", "@id": "#two", "position": 2, "name": "ESI"}]}
                """));
    }

    @Test
    void treatsHttpAndHttpsSchemaOrgIrisAsEqual() {
        assertProblems(List.of(), validate("""
                {"@context": "http://schema.org", "@type": "http://schema.org/MedicalTherapy", "@id": "#esi",
                 "http://schema.org/procedureType": "http://schema.org/PercutaneousProcedure",
                 "https://schema.org/relevantSpecialty": "schema:Anesthesia"}
                """));
        String http = """
                {"@type": "MedicalTherapy", "@id": "#rfa", "procedureType": "http://schema.org/Surgical"}
                """;
        assertEquals(validate(http.replace("http:", "https:")), validate(http));
        assertFalse(validate(http).isEmpty());
    }

    @Test
    void checksEachElementOfAnArray() {
        assertProblems(List.of("WARNING schema.enum-member #clinic medicalSpecialty: "
                + "'PainMedicine' is not a member of MedicalSpecialty, which property 'medicalSpecialty' expects"),
                validate("""
                        {"@type": "MedicalClinic", "@id": "#clinic", "name": "Example Pain Clinic", "address": "1 Main St", "medicalSpecialty":
                          ["https://schema.org/Anesthesia", "https://schema.org/PainMedicine", "https://schema.org/Neurologic"]}
                        """));
    }

    @Test
    void warnsAboutPlainTextWhereOnlyAnEnumerationFits() {
        List<SchemaProblem> problems = validate("""
                {"@type": "MedicalTherapy", "@id": "#esi", "procedureType": "percutaneous"}
                """);

        assertProblems(List.of("WARNING schema.range #esi procedureType: "
                + "property 'procedureType' expects MedicalProcedureType, not a text value"), problems);
        assertNotNull(problems.get(0).hint());
    }

    @Test
    void acceptsAUrlWhereAThingIsExpectedButNotPlainText() {
        assertProblems(List.of("WARNING schema.range #page about: property 'about' expects Thing, not a text value"),
                validate("""
                        {"@type": "MedicalWebPage", "@id": "#page",
                         "about": ["https://clinic.example/sciatica/", "Sciatica"]}
                        """));
    }

    /**
     * schema.org's Date, DateTime, Time and URL have a form (ISO 8601, an absolute address): any text passed before, so a
     * review date written "November 2, 2026" or a page's relative address went out as valid structured data that search
     * engines cannot read as a date or a page. Text, and a range that also takes Text, take anything.
     */
    @Test
    void warnsAboutADateTimeOrAddressNotWrittenInTheFormItsDataTypeHas() {
        List<SchemaProblem> problems = validate("""
                {"@context": "https://schema.org", "@graph": [
                 {"@type": "MedicalWebPage", "@id": "#page", "url": "procedures/esi.html", "lastReviewed": "November 2, 2026",
                  "datePublished": "2026-02-30", "dateModified": "2026-11-02T10:30:00-08:00", "relatedLink": "https://clinic.example/a.html",
                  "name": "Anything at all", "keywords": "esi, back pain"},
                 {"@type": "Article", "@id": "#article", "dateModified": "2026-11-02 10:30", "datePublished": "2026-11-02",
                  "image": "images/esi.png"},
                 {"@type": "OpeningHoursSpecification", "@id": "#hours", "opens": "8am", "closes": "17:00",
                  "validFrom": "2026-01-01"}]}
                """);

        assertProblems(List.of(
                "WARNING schema.range #page url: property 'url' expects URL, not 'procedures/esi.html'",
                "WARNING schema.range #page lastReviewed: property 'lastReviewed' expects Date, not 'November 2, 2026'",
                "WARNING schema.range #page datePublished: property 'datePublished' expects Date or DateTime, not '2026-02-30'",
                "WARNING schema.range #article dateModified: property 'dateModified' expects DateTime or Date, not '2026-11-02 10:30'",
                "WARNING schema.range #article image: property 'image' expects URL or ImageObject, not 'images/esi.png'",
                "WARNING schema.range #hours opens: property 'opens' expects Time, not '8am'"),
                problems);
        assertEquals("write it as a date like 2026-11-02; search engines do not read other forms as one", problems.get(1).hint());
    }

    @Test
    void warnsAboutASupersededEnumerationMember() {
        assertProblems(List.of("WARNING schema.superseded #clinic medicalSpecialty: "
                + "value 'Dermatologic' of property 'medicalSpecialty' is superseded by 'Dermatology'"),
                validate("""
                        {"@type": "MedicalClinic", "@id": "#clinic", "name": "Example Pain Clinic", "address": "1 Main St", "medicalSpecialty": "https://schema.org/Dermatologic"}
                        """));
    }

    @Test
    void checksNumbersAndBooleansAgainstTheRange() {
        assertProblems(List.of(
                "WARNING schema.range #clinic isAcceptingNewPatients: "
                        + "property 'isAcceptingNewPatients' expects Boolean, not a number",
                "WARNING schema.range #clinic hasMap: property 'hasMap' expects URL or Map, not a boolean"),
                validate("""
                        {"@type": "MedicalClinic", "@id": "#clinic", "name": "Example Pain Clinic", "address": "1 Main St", "isAcceptingNewPatients": 1, "hasMap": true,
                         "geo": {"@type": "GeoCoordinates", "latitude": 39.78172, "longitude": "-89.65015"}}
                        """));
    }

    @Test
    void doesNotCheckTheTypeOfReferences() {
        assertProblems(List.of(), validate("""
                {"@type": "MedicalCondition", "@id": "#c", "possibleTreatment": {"@id": "#facet-injection"}}
                """));
    }

    private static List<SchemaProblem> validate(String json) {
        return validator.validate(json(json));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("test JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** Compares severity, code, node, property and message; hints are free text and checked separately. */
    private static void assertProblems(List<String> expected, List<SchemaProblem> actual) {
        List<String> summaries = actual.stream()
                .map(p -> p.severity() + " " + p.code() + " " + p.nodeId() + " " + p.property() + ": " + p.message())
                .toList();
        assertEquals(expected, summaries);
        actual.forEach(problem -> assertNotNull(problem.hint(), () -> "no hint for " + problem));
    }
}
