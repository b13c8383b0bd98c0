package org.clinicbake.cli;

/** Process exit codes, with explicit numbers so reordering the constants can never change them. */
public enum ExitCode {
    OK(0),
    CONTENT_ERRORS(1),
    USAGE(2),
    INTERNAL_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
