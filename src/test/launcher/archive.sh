#!/usr/bin/env bash
# The launcher's class-data archive (src/main/sh/clinicbake), checked after `package` as part of
# `./mvnw verify`: it is kept from a bake that converted an article (so it holds JRuby and the
# renderer) and never from one that converted nothing, which would leave every later bake booting
# JRuby from the jars. Then that the launcher's bakes load the Asciidoctor gem the build compiled
# (CompiledAsciidoctor) and write the same pages as with the gem parsed, and that a template mistake
# prints its diagnostic alone, and that a plugin jar given in CLINICBAKE_CLASSPATH is used. Bakes a
# copy of the sample site seven times (~45 s).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
launcher="$root/src/main/sh/clinicbake"
work="$(mktemp -d "${TMPDIR:-/tmp}/clinicbake-archive.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -r "$root/site" "$work/site"
rm -rf "$work/site/.clinicbake" "$work/site/output"
unset CLINICBAKE_CDS CLINICBAKE_JAVA_OPTS

failed=0
archives() { find "$root/target/cds" -maxdepth 1 \( -name 'clinicbake-*.jsa' -o -name 'clinicbake-*.aot' \) 2>/dev/null | wc -l; }
expect() {
  if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: $3 expected, $2 found"; failed=1; fi
}
bake() { bash "$launcher" bake "$work/site" -o "$work/$1" --today 2026-11-27 > "$work/$1.log" 2>&1 || { cat "$work/$1.log"; exit 1; }; }

bake out-1                       # fills the conversion cache
rm -rf "$root/target/cds"        # as after a rebuild
bake out-2                       # a new output folder: everything rendered, nothing converted
expect "a bake that converted nothing keeps no archive" "$(archives)" 0
article="$(find "$work/site/content" -name '*.adoc' | sort | head -n 1)"
printf '\nEdited for the archive check.\n' >> "$article"
bake out-3                       # converts the edited article
expect "a bake that converted an article keeps one archive" "$(archives)" 1
rm -rf "$work/site/.clinicbake"  # every article converted again, by the compiled gem...
CLINICBAKE_JAVA_OPTS=-Djruby.debug.loadService.timing=true bake out-4
expect "the bake loads the Asciidoctor gem the build compiled" \
  "$(grep -q 'compiled-asciidoctor/lib/asciidoctor\.class' "$work/out-4.log" && echo compiled || echo parsed)" compiled
rm -rf "$work/site/.clinicbake"  # ...and by the gem in AsciidoctorJ's jar, parsed
CLINICBAKE_JAVA_OPTS=-Djruby.aot.loadClasses=false bake out-5
expect "bakes with the compiled and with the parsed gem write the same files" \
  "$(diff -r "$work/out-4" "$work/out-5" > "$work/diff.log" && echo same || { cat "$work/diff.log"; echo different; })" same
mkdir -p "$work/site/templates"  # a theme developer's mistake: the console shows its diagnostic only
printf '{{ 1/0 }}\n' > "$work/site/templates/page.peb"
bash "$launcher" bake "$work/site" -o "$work/out-6" --today 2026-11-27 > "$work/out-6.log" 2>&1 || true
expect "a template mistake prints its diagnostic, without JBake's log of every page" \
  "$(grep -c '^ERROR' "$work/out-6.log" || true) $(head -n 1 "$work/out-6.log" | cut -d: -f1-3)" \
  "0 templates/page.peb:1: error[template.error]"
# A developer's plugin jar on the launcher's class path (CLINICBAKE_CLASSPATH): its template function works.
mkdir -p "$work/plugin/META-INF/services"
(cd "$root/target/test-classes" && cp --parents org/clinicbake/spi/GreetingPlugin*.class "$work/plugin/")
echo org.clinicbake.spi.GreetingPlugin > "$work/plugin/META-INF/services/org.clinicbake.spi.ClinicBakePlugin"
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" --create --file "$work/greeting.jar" -C "$work/plugin" .
printf '{%% extends "default:page.peb" %%}{%% block content %%}<h1>{{ page.title }}</h1><p>{{ greeting_hello(name="launcher") }}</p>{%% endblock %%}\n' \
  > "$work/site/templates/page.peb"
CLINICBAKE_CLASSPATH="$work/greeting.jar" bake out-7
expect "a plugin jar in CLINICBAKE_CLASSPATH gives templates its function" \
  "$(grep -l 'Hello from a plugin, launcher' "$work/out-7/about.html" >/dev/null && echo used || echo missing)" used
expect "CLINICBAKE_CLASSPATH naming no jar is a usage error" \
  "$(CLINICBAKE_CLASSPATH="$work/plugin" bash "$launcher" --version > "$work/out-8.log" 2>&1; echo "$? $(cut -d: -f1-2 < "$work/out-8.log" | head -n 1)")" \
  "2 clinicbake: error[launcher.classpath]"
if [ "$failed" -ne 0 ]; then
  echo "launcher archive: FAILED"
  exit 1
fi
echo "launcher archive: 7 passed"
