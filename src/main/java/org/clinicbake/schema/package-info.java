/** Offline check of the JSON-LD ClinicBake emits against the pinned schema.org 30.0 vocabulary and Google's breadcrumb profile. */
package org.clinicbake.schema;
