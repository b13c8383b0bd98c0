package org.clinicbake.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.clinicbake.diag.Diagnostics;
import org.jsoup.nodes.Element;

/**
 * {@value #BROKEN}: an internal link or resource whose file is not in the output; {@value #ANCHOR}: a {@code #fragment}
 * that is no {@code id} on the target page (the same page included).
 *
 * <p>Links with a scheme ({@code https:}, {@code mailto:}, {@code tel:} ...) leave the site and are not followed. A
 * path starting with {@code /} is resolved from the folder {@code site.host} names on its host (the 404 page links that
 * way): {@code /clinic/about.html} is the output's {@code about.html} when the site is published at
 * {@code https://example.org/clinic/}, and {@code /about.html} leaves that site. An absolute {@code http(s)} address
 * on {@code site.host}'s host, within its folder, is checked the same way, as a warning.
 */
public final class LinkCheck implements OutputCheck {

    public static final String BROKEN = "link.broken";
    public static final String ANCHOR = "link.anchor";

    /**
     * Whether the element refers to a file: what the query {@code a[href], link[href], img[src], img[srcset], script[src],
     * iframe[src], source[src], source[srcset], video[src], video[poster], audio[src], track[src], embed[src], object[data]}
     * finds, asked of every element of every page (the query, fourteen tests an element, took a sixth of the check).
     */
    static boolean refersToAFile(Element element) {
        return switch (element.normalName()) {
            case "a", "link" -> element.hasAttr("href");
            case "img", "source" -> element.hasAttr("src") || element.hasAttr("srcset");
            case "video" -> element.hasAttr("src") || element.hasAttr("poster");
            case "script", "iframe", "audio", "track", "embed" -> element.hasAttr("src");
            case "object" -> element.hasAttr("data");
            default -> false;
        };
    }

    @Override
    public String id() {
        return "links";
    }

    @Override
    public boolean checksEachPageAlone() {
        return true;
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        for (Element element : page.elements()) {
            if (!refersToAFile(element)) {
                continue;
            }
            for (Address address : addresses(element)) {
                String url = address.url();
                Optional<Urls.Reference> internal = Urls.internal(url);
                if (internal.isPresent()) {
                    check(context, page, element, address.noun(), url, internal.get(), false, out);
                } else {
                    // The site's own address, as an editor pastes it from the live site: checked too, but as a warning,
                    // since another service on the host may answer an address the bake does not write.
                    context.siteHost().flatMap(host -> Urls.onHost(url, host))
                            .filter(reference -> Urls.withinSite(reference.path(), context.basePath()).isPresent())
                            .ifPresent(reference -> check(context, page, element, address.noun(), url, reference, true, out));
                }
            }
        }
    }

    /**
     * Every address of the element the browser may load: a browser picks one candidate of a
     * {@code srcset} by the screen, so a missing one is a broken image on some screens only; a
     * missing poster or captions track breaks the video for everyone who needs them.
     */
    private static List<Address> addresses(Element element) {
        String noun = noun(element);
        List<Address> addresses = new ArrayList<>();
        switch (element.normalName()) {
            case "a", "link" -> addresses.add(new Address(noun, element.attr("href")));
            case "object" -> addresses.add(new Address(noun, element.attr("data")));
            default -> {
                if (element.hasAttr("src")) {
                    addresses.add(new Address(noun, element.attr("src")));
                }
                if (element.hasAttr("poster")) {
                    addresses.add(new Address("video poster", element.attr("poster")));
                }
                String candidate = element.nameIs("source") ? "image source" : noun;
                Urls.srcset(element.attr("srcset")).forEach(url -> addresses.add(new Address(candidate, url)));
            }
        }
        return addresses;
    }

    private record Address(String noun, String url) {
    }

    /** Reports a problem with one address, as an error or, for the site's own absolute address, a warning. */
    @FunctionalInterface
    private interface Reporter {
        void report(String code, String message, String hint);
    }

    private static void check(CheckContext context, Page page, Element element, String noun, String url,
            Urls.Reference reference, boolean ownHost, Diagnostics out) {
        Reporter report = (code, message, hint) -> {
            if (ownHost) {
                out.warning(code, page.path(), Page.line(element), message, hint + "; if another service on the site's host "
                        + "answers this address, such as a booking system, the warning can stay");
            } else {
                out.error(code, page.path(), Page.line(element), message, hint);
            }
        };
        String base = context.basePath();
        Optional<String> inSite = Urls.withinSite(reference.path(), base);
        if (inSite.isEmpty()) {
            report.report(BROKEN, noun + " '" + url + "' leaves the site, which site.host publishes at "
                            + base + " on its host",
                    "write the address from the site's folder (" + base + reference.path().substring(1) + ") or relative to this page");
            return;
        }
        Optional<String> resolved = Urls.resolve(page.path(), inSite.get());
        if (resolved.isEmpty()) {
            report.report(BROKEN, noun + " '" + url + "' points outside the output folder",
                    "link to a page of the site by its path from this page, or from the site root with a leading /");
            return;
        }
        String target = resolved.get();
        if (!context.hasFile(target)) {
            String folderIndex = target + "/index.html";
            if (!reference.path().isEmpty() && context.hasFile(folderIndex)) {
                target = folderIndex;
            } else if (ownHost && !target.substring(target.lastIndexOf('/') + 1).contains(".")) {
                // The bake writes no file without an extension: /appointments or a pretty /about is answered by the host
                // or by another service on it, which the output cannot tell.
                return;
            } else {
                String missing = target;
                report.report(BROKEN,
                        noun + " '" + url + "' points to '" + missing + "', which is not in the output",
                        turnedOff(context, missing).map(setting -> setting + "=false in jbake.properties leaves out " + missing
                                        + ": turn it on, or take the link out (site.nav, or the template)")
                                .or(() -> unpublishedArticle(context, missing).map(article -> article + " is not published: a draft, "
                                        + "or scheduled for a later day; take the link out until it is, or publish it"))
                                .orElse("fix the address or publish the missing file; between articles, write an AsciiDoc xref to "
                                        + "the .adoc file (xref:../conditions/sciatica.adoc[sciatica]) so the bake checks it"));
                return;
            }
        }
        String fragment = reference.fragment();
        if (fragment == null || fragment.isEmpty() || fragment.equalsIgnoreCase("top")) {
            return;
        }
        boolean samePage = target.equals(page.path());
        if (CheckContext.isHtml(target) && !(samePage ? page.hasTarget(fragment) : context.anchors(target).contains(fragment))) {
            String where = samePage && reference.path().isEmpty() ? "this page" : target;
            report.report(ANCHOR,
                    noun + " '" + url + "' points to an id '" + fragment + "' that " + where + " does not have",
                    "link to an id the page has, or give the target section that id with [#" + fragment
                            + "] above its heading");
        }
    }

    private static String noun(Element element) {
        return switch (element.normalName()) {
            case "a", "link" -> "link";
            case "img" -> "image";
            case "script" -> "script";
            case "iframe" -> "frame";
            case "source", "video", "audio" -> "media source";
            case "track" -> "text track";
            default -> "embedded object";
        };
    }

    /**
     * The article a missing page would be baked from: there is one only when it is not published (a
     * baked article is in the output), and "publish the missing file" sent editors looking for a file
     * that was there all along.
     */
    private static Optional<String> unpublishedArticle(CheckContext context, String page) {
        java.util.Map<String, java.nio.file.Path> articles = context.runState(ARTICLES,
                () -> org.clinicbake.build.SourcePositions.ofContent(context.siteDir()).pageSources());
        return Optional.ofNullable(articles.get(page))
                .map(file -> context.siteDir().toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/'));
    }

    /** The key of the run's map from pages to the articles they are baked from, read once, on the first missing page. */
    private static final Object ARTICLES = new Object();

    /** The render.* switch that is off and names this file (index.html, archive.html, feed.xml, sitemap.xml), if any. */
    private static Optional<String> turnedOff(CheckContext context, String target) {
        for (String[] page : new String[][] {{"render.index", "index.file", "index.html"}, {"render.archive", "archive.file", "archive.html"},
                {"render.feed", "feed.file", "feed.xml"}, {"render.sitemap", "sitemap.file", "sitemap.xml"}}) {
            String file = context.setting(page[1]);
            if ("false".equalsIgnoreCase(String.valueOf(context.setting(page[0])).strip())
                    && target.equals(file == null || file.isBlank() ? page[2] : file.strip())) {
                return Optional.of(page[0]);
            }
        }
        return Optional.empty();
    }
}
