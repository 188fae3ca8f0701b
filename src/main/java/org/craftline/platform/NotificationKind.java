package org.craftline.platform;

/** What a notification is about; a user may turn each kind off but {@link #SECURITY}. */
public enum NotificationKind {
    FOLLOW_UP_REQUEST,
    FOLLOW_UP_REMINDER,
    SELF_REPORT_CONFIRMED,
    EMPLOYER_SURVEY,
    IMPORT_FINISHED,
    INTERNSHIP_LOG,
    INTERNSHIP_COVER,
    SECURITY;

    public boolean optional() {
        return this != SECURITY;
    }
}
