package org.clinicbake.content;

/**
 * The reading level of one clinical article, for the bake's readability report.
 *
 * @param path               source file, relative to the site folder
 * @param title              the article's title
 * @param words              words scored (body text without references, tables and code)
 * @param fleschKincaidGrade US school grade by the Flesch-Kincaid formula
 * @param smogGrade          US school grade by SMOG, which usually reads about three grades higher
 */
public record ArticleReadability(String path, String title, int words, double fleschKincaidGrade, double smogGrade) {
}
