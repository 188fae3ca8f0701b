package org.craftline.enterprises.domain;

/** What a school and an enterprise agreed to do together. */
public enum CooperationType {
    /** 实习基地: the enterprise takes the school's students as interns. */
    INTERNSHIP_BASE,
    /** 订单班: a class trained to the enterprise's order, which then employs its graduates. */
    ORDER_CLASS,
    /** 共建实训基地: a training base built and run together. */
    TRAINING_BASE,
    /** 就业合作单位: the enterprise recruits the school's graduates. */
    EMPLOYMENT_PARTNER
}
