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

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
