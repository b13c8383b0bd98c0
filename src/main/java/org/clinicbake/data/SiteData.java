package org.clinicbake.data;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The site's data files: the clinic ({@code data/clinic.yml}) and its providers ({@code data/providers.yml}).
 *
 * @param clinic    the clinic's details as read from YAML (name, address, telephone, hours, ...)
 * @param providers providers by id, sorted by id
 * @param providersRead false when {@code data/providers.yml} exists but could not be read (a problem already
 *                  reported): then no provider can be said to be missing from it
 */
public record SiteData(Map<String, Object> clinic, SortedMap<String, Provider> providers, boolean providersRead) {

    public Optional<Provider> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** The clinic's name, or the fallback when {@code clinic.yml} has none. */
    public String clinicName(String fallback) {
        Object name = clinic.get("name");
        return name instanceof String text && !text.isBlank() ? text : fallback;
    }
}
