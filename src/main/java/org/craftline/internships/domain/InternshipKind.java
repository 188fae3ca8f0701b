package org.craftline.internships.domain;

/** 认识实习 (a first look at the trade) and 岗位实习 (working a post). */
public enum InternshipKind {
    COGNITIVE,
    POST
}
