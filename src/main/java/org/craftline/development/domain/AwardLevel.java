package org.craftline.development.domain;

/** The level of the body that awards an honour or funds a project. */
public enum AwardLevel {
    /** 国家级 */
    NATIONAL,
    /** 省级 */
    PROVINCIAL,
    /** 市级 */
    MUNICIPAL,
    /** 县级 */
    COUNTY;

    static final String[][] LABELS = {{"国家级", "National"}, {"省级", "Provincial"}, {"市级", "Municipal"}, {"县级", "County"}};
}
