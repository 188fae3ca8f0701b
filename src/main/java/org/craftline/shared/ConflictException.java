package org.craftline.shared;

/** A change refused because it clashes with existing records (a duplicate key, a record in use). */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final Object[] args;

    public ConflictException(String messageKey, String field, String detail) {
        this(messageKey, field, detail, new Object[0]);
    }

    /** With the arguments of the message (e.g. which other record holds the value). */
    public ConflictException(String messageKey, String field, String detail, Object... args) {
        super(detail);
        this.messageKey = messageKey;
        this.field = field;
        this.args = args.clone();
    }

    /** The arguments of the user-facing text. */
    public Object[] args() {
        return args.clone();
    }

    /** The message key of the user-facing text. */
    public String messageKey() {
        return messageKey;
    }

    /** The form field to attach the error to, or null for the whole record. */
    public String field() {
        return field;
    }
}
