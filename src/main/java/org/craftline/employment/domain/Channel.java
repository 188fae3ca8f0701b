package org.craftline.employment.domain;

/** How an employed graduate found the job, as the ministry's statistics count it: 学校推荐 / 中介 / 其他. */
public enum Channel {
    SCHOOL,
    AGENCY,
    OTHER
}
