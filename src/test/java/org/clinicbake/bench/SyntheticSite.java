package org.clinicbake.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a site of N realistic articles of about 6 KB each: a full medical header, sections, lists,
 * a table, an admonition, a footnote, three cross references and a references list. Articles
 * alternate between therapies and conditions and pass every rule, so a bake of them is clean.
 */
public final class SyntheticSite {

    private SyntheticSite() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    public static Path write(Path root, int articles) throws IOException {
        Files.createDirectories(root.resolve("content/articles"));
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("jbake.properties"), """
                site.host=https://bench.example.org
                site.nav=All articles|archive.html
                """);
        Files.writeString(root.resolve("data/clinic.yml"), """
                name: Benchmark Spine Clinic
                description: A clinic made up to measure ClinicBake.
                telephone: "+1-555-010-0150"
                telephone_display: (555) 010-0150
                address:
                  street: 1 Example Way
                  locality: Springfield
                  region: CA
                  postal_code: "90000"
                  country: US
                hours:
                  - days: [Monday, Tuesday, Wednesday, Thursday, Friday]
                    opens: "08:00"
                    closes: "17:00"
                """);
        Files.writeString(root.resolve("data/providers.yml"), """
                ann-lee:
                  name: Ann Lee
                  honorific_prefix: Dr.
                  honorific_suffix: MD
                  job_title: Pain Physician
                ben-ortiz:
                  name: Ben Ortiz
                  honorific_prefix: Dr.
                  honorific_suffix: DO
                  job_title: Rehabilitation Physician
                """);
        for (int i = 0; i < articles; i++) {
            Files.writeString(root.resolve("content/articles/" + slug(i) + ".adoc"), article(i, articles), StandardCharsets.UTF_8);
        }
        return root;
    }

    static String slug(int i) {
        return String.format("article-%05d", i);
    }

    static String article(int i, int articles) {
        boolean therapy = i % 2 == 0;
        String name = (therapy ? "Treatment " : "Condition ") + i;
        String header = "= " + name + ": What to Know\n"
                + ":jbake-type: " + (therapy ? "therapy" : "condition") + "\n"
                + ":jbake-status: published\n"
                + ":jbake-date: 2026-0" + (1 + i % 9) + "-1" + (i % 9) + "\n"
                + ":jbake-tags: " + (therapy ? "procedures" : "conditions") + ", topic-" + (i % 20) + "\n"
                + ":description: A plain guide to " + name.toLowerCase() + ", how it is found and treated, and when to call.\n"
                + ":med-entity-type: " + (therapy ? "MedicalTherapy" : "MedicalCondition") + "\n"
                + ":med-entity-name: " + name + "\n"
                + ":med-author: ben-ortiz\n"
                + ":med-reviewer: ann-lee\n"
                + ":med-last-reviewed: 2026-10-0" + (1 + i % 9) + "\n"
                + ":med-specialty: Anesthesia\n"
                + (therapy ? ":med-procedure-type: PercutaneousProcedure\n:med-body-location: Lower back\n" : "")
                + "\n";
        StringBuilder body = new StringBuilder(header);
        body.append("This page explains ").append(name.toLowerCase())
                .append(" in plain words. Read it before your visit and bring your questions.\n\n");
        body.append("[#overview]\n== Overview\n\n");
        paragraphs(body, 3, i);
        body.append("See also xref:").append(slug((i + 1) % articles)).append(".adoc[the next article], xref:")
                .append(slug((i + 2) % articles)).append(".adoc[another one] and xref:")
                .append(slug((i + 3) % articles)).append(".adoc[a third].\n\n");
        body.append(therapy ? "[#how-performed]\n== How is it done?\n\n" : "[#symptoms]\n== Symptoms\n\n");
        for (int item = 1; item <= 6; item++) {
            body.append("* *Step ").append(item).append(".* Your care team checks how you feel and tells you what comes next.\n");
        }
        body.append('\n');
        body.append(therapy ? "[#preparation]\n== How do I prepare?\n\n" : "[#causes]\n== Causes\n\n");
        paragraphs(body, 3, i + 7);
        body.append("|===\n| What | When | Who\n\n| Check-in | Morning | Front desk\n| Visit | Next | Doctor\n"
                + "| Follow-up | Two weeks | Nurse\n|===\n\n");
        body.append(therapy ? "[#risks]\n== What are the risks?\n\n" : "[#risk-factors]\n== Who gets it?\n\n");
        for (int item = 1; item <= 5; item++) {
            body.append("* *Risk ").append(item).append(".* This is rare, and the team watches for it.\n");
        }
        body.append('\n');
        body.append("[NOTE]\n====\nCall us if you are not sure what to do. We are here to help.footnote:[Our phone line is open on weekdays.]\n====\n\n");
        body.append("[#followup]\n== What happens after?\n\n");
        paragraphs(body, 3, i + 13);
        body.append("[#when-to-call]\n== When to call\n\n[WARNING]\n====\nCall 911 if you lose control of your bladder or bowels, "
                + "or if a leg gets weak.\n====\n\n");
        body.append("[bibliography]\n[#references]\n== References\n\n"
                + "* [[[guide,1]]] Example Health Library. A guide to back pain. 2025. https://health.example.org/back-pain\n"
                + "* [[[review,2]]] Example Review Group. Care for back pain. 2024. https://review.example.org/back-pain\n");
        return body.toString();
    }

    private static final String[] SENTENCES = {
        "Most people feel better with time and gentle movement.",
        "Your doctor will ask about your pain and how it changes during the day.",
        "Short walks can help your back stay strong.",
        "Heat or ice may ease the pain for a while.",
        "Tell your care team about any medicines you take.",
        "Some tests use pictures of the inside of your body.",
        "You can ask questions at any time.",
        "A plan that fits your life works best.",
        "Rest for a short time, then start to move again.",
        "Write down what makes the pain better or worse.",
    };

    private static void paragraphs(StringBuilder body, int count, int seed) {
        for (int p = 0; p < count; p++) {
            for (int s = 0; s < 6; s++) {
                body.append(SENTENCES[(seed + p * 3 + s) % SENTENCES.length]).append(' ');
            }
            body.append("\n\n");
        }
    }
}
