package org.craftline.development.domain;

/** What a budget line pays for; all but {@link #OTHER} count as capacity building unless told otherwise. */
public enum LineCategory {
    /** 实训设施 */
    TRAINING_FACILITIES,
    /** 设备 */
    EQUIPMENT,
    /** 实训基地 */
    TRAINING_BASES,
    /** 师资培养 */
    TEACHER_DEVELOPMENT,
    /** 课程建设 */
    CURRICULUM,
    /** 其他 */
    OTHER;

    static final String[][] LABELS = {
        {"实训设施", "Training facilities"},
        {"设备", "Equipment"},
        {"实训基地", "Training bases"},
        {"师资培养", "Teacher development"},
        {"课程建设", "Curriculum"},
        {"其他", "Other"}
    };

    public boolean capacityBuildingByDefault() {
        return this != OTHER;
    }
}
