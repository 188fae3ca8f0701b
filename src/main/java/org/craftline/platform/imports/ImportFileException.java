package org.craftline.platform.imports;

/** A file that cannot be imported at all (empty, not a spreadsheet, wrong kind...): nothing is written. */
class ImportFileException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    ImportFileException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    /** Keeps what the reader threw, for the log; the user sees only the message of the key. */
    ImportFileException causedBy(Throwable cause) {
        initCause(cause);
        return this;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
