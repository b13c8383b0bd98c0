package org.clinicbake.schema;

import java.util.Objects;

/**
 * One finding of {@link SchemaValidator} about a JSON-LD document.
 *
 * <p>Carries no file or line: the validator sees a JSON tree, so the caller that knows which page the
 * JSON-LD came from turns this into a {@code org.clinicbake.diag.Diagnostic}.
 *
 * @param severity whether the finding should fail a bake ({@link Severity#ERROR}) or only be reported
 * @param code     stable identifier such as {@code schema.unknown-property}; tests and docs rely on it
 * @param nodeId   the node's {@code @id}, or its {@code @type} when it has none, or {@code null} when it has neither
 * @param property the property the finding is about, or {@code null} for findings about a node's type
 * @param message  what is wrong, in one sentence naming the term
 * @param hint     what to do about it, or {@code null}
 */
public record SchemaProblem(Severity severity, String code, String nodeId, String property, String message, String hint) {

    /** How bad a finding is; schema.org domains and ranges are only "expected", so their findings are warnings. */
    public enum Severity { ERROR, WARNING }

    public SchemaProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
