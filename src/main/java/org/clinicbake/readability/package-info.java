/** Readability scores (Flesch-Kincaid grade, SMOG grade, Flesch reading ease) of patient-education text. */
package org.clinicbake.readability;
