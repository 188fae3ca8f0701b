package org.craftline.organisation.domain;

/**
 * What a member of staff does, as the education statistics count 教职工: teachers, administrative,
 * teaching-support and service staff. Whether one is employed full-time is {@code full_time}
 * apart: a 专任教师 is a full-time TEACHER, a 兼职教师 or 外聘教师 a TEACHER who is not full-time.
 */
public enum StaffCategory {
    TEACHER,
    ADMINISTRATIVE,
    SUPPORT,
    WORKER
}
