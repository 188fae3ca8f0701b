package org.craftline.organisation.domain;

public enum RegionLevel {
    PROVINCE,
    CITY,
    COUNTY
}
