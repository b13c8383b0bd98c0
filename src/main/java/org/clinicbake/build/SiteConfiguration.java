package org.clinicbake.build;

import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.app.configuration.JBakeConfiguration;

/**
 * JBake's configuration for one ClinicBake build, carrying that build's {@link BuildSession}.
 *
 * <p>JBake creates markup engines once per JVM and hands them only the configuration, so the
 * configuration is the one object through which an engine can reach the state of the build it is
 * serving (diagnostics, the Asciidoctor instance, site data) without a static field of ours.
 */
public final class SiteConfiguration extends DefaultJBakeConfiguration {

    /**
     * The zone {@code site.timezone} names, in which a bake places header dates and tells today's
     * date: UTC when the setting is missing or blank, empty when it names no zone (the loaded
     * configuration reports that; readers that run before it fall back to UTC).
     */
    public static java.util.Optional<java.time.ZoneId> zoneNamed(String setting) {
        try {
            return java.util.Optional.of(java.time.ZoneId.of(setting == null || setting.isBlank() ? "UTC" : setting.strip()));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The language header dates are written in, for a {@code date.format} with month or day names
     * ({@code d MMMM yyyy}): {@code jvm.locale} when set, as JBake reads it, otherwise the site's
     * {@code site.lang}. Not the JVM's own locale: "14 November 2026" baked on an English machine and
     * failed on a Turkish or German one, as if it were no date.
     */
    public static java.util.Locale dateLocale(String jvmLocale, String siteLang) {
        if (jvmLocale != null && !jvmLocale.isBlank()) {
            try {
                return org.apache.commons.lang3.LocaleUtils.toLocale(jvmLocale.strip());
            } catch (IllegalArgumentException e) {
                // config.invalid reports it; the site's language meanwhile
            }
        }
        return java.util.Locale.forLanguageTag(siteLang == null || siteLang.isBlank() ? "en-US" : siteLang.strip());
    }

    /**
     * The site's own {@code jbake.properties} as plain properties, empty when it is missing or cannot
     * be read (the bake reports that): for what reads a setting or two before, or without, a bake.
     */
    public static java.util.Properties readSiteFile(java.nio.file.Path siteDir) {
        return SiteConfigLoader.readSiteFile(siteDir);
    }

    /**
     * The folder of its host a site is published in, from {@code site.host}: {@code /} for
     * {@code https://example.org}, {@code /clinic/} for {@code https://example.org/clinic} (a GitHub
     * Pages project site, a clinic's folder on its hospital's host), as written (percent-encoded).
     * A host serves the 404 page at any depth, so its links start here rather than at the page.
     */
    public static String basePath(String siteHost) {
        String path;
        try {
            path = siteHost == null ? null : java.net.URI.create(siteHost.strip()).getRawPath();
        } catch (IllegalArgumentException e) {
            path = null; // the loaded configuration reports a site.host that is no address
        }
        if (path == null || path.isBlank()) {
            return "/";
        }
        String rooted = path.startsWith("/") ? path : "/" + path;
        return rooted.endsWith("/") ? rooted : rooted + "/";
    }

    /**
     * Reports a {@code site.timezone} that names no zone, at its line of the site's
     * {@code jbake.properties} ({@code config.invalid}); true when the setting names a zone or is
     * left out. The bake stops there; {@code clinicbake check} reports it beside its findings.
     */
    public static boolean checkTimeZone(java.nio.file.Path siteDir, String setting, org.clinicbake.diag.Diagnostics diagnostics) {
        if (zoneNamed(setting).isPresent()) {
            return true;
        }
        diagnostics.error("config.invalid", SiteConfigLoader.SITE_FILE,
                SiteConfigLoader.lineOf(siteDir.resolve(SiteConfigLoader.SITE_FILE), "site.timezone"),
                "site.timezone '" + setting + "' is not a time zone",
                "name a zone of the IANA database, e.g. site.timezone=America/Los_Angeles, or leave it out for UTC");
        return false;
    }

    /** JBake's own page types, which are not written as content files. */
    private static final Set<String> GENERATED_PAGE_TYPES =
            Set.of("masterindex", "feed", "archive", "sitemap", "tag", "tagsindex", "error404", "robots", "search");

    private BuildSession session;
    private java.util.Map<String, Object> settingsMap;
    private Set<String> contentTypes;

    SiteConfiguration(File sourceFolder, CompositeConfiguration configuration) {
        super(sourceFolder, configuration);
    }

    /**
     * Every setting, as templates see them ({@code config}). JBake builds this map anew for every page
     * it renders, asking each layer of the configuration for each of its keys: 8 % of rendering. It
     * is built once here, and again after a setting changes.
     */
    @Override
    public synchronized java.util.Map<String, Object> asHashMap() {
        if (settingsMap == null) {
            settingsMap = java.util.Collections.unmodifiableMap(super.asHashMap());
        }
        return settingsMap;
    }

    @Override
    public synchronized void setProperty(String key, Object value) {
        settingsMap = null;
        contentTypes = null;
        super.setProperty(key, value);
    }

    @Override
    public synchronized void setCompositeConfiguration(CompositeConfiguration configuration) {
        settingsMap = null;
        contentTypes = null;
        super.setCompositeConfiguration(configuration);
    }

    void attach(BuildSession session) {
        this.session = session;
    }

    public BuildSession session() {
        if (session == null) {
            throw new IllegalStateException("configuration is not attached to a build");
        }
        return session;
    }

    /** The session of the ClinicBake build this JBake configuration belongs to. */
    public static BuildSession sessionOf(JBakeConfiguration config) {
        if (config instanceof SiteConfiguration site) {
            return site.session();
        }
        throw new IllegalStateException("ClinicBake engines run only inside a ClinicBake build; "
                + "use org.clinicbake.ClinicBake to bake (got " + config.getClass().getName() + ")");
    }

    /** A setting from jbake.properties (or ClinicBake's defaults), or the fallback when unset or blank. */
    public String getString(String key, String fallback) {
        String value = getCompositeConfiguration().getString(key, null);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** A numeric setting, or the fallback when unset. */
    public double getDouble(String key, double fallback) {
        return getCompositeConfiguration().getDouble(key, fallback);
    }

    /** A comma-separated setting as a list of its non-blank items. */
    public List<String> getList(String key) {
        return getCompositeConfiguration().getList(String.class, key, List.of()).stream()
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** Whether pages of this type are made by ClinicBake or JBake (home, indexes, feed...), not written as content files. */
    public static boolean isGeneratedPageType(String type) {
        return GENERATED_PAGE_TYPES.contains(type);
    }

    /**
     * The values {@code :jbake-type:} may take: every type with a {@code template.<type>.file} key.
     * Every article asks, and JBake finds them by walking every setting: kept until a setting changes.
     */
    public synchronized Set<String> contentTypes() {
        if (contentTypes == null) {
            Set<String> types = new TreeSet<>(getDocumentTypes());
            types.removeAll(GENERATED_PAGE_TYPES);
            contentTypes = java.util.Collections.unmodifiableSet(types);
        }
        return contentTypes;
    }
}
