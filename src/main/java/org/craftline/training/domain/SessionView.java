package org.craftline.training.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A training session as lists, pages and the API show it. */
public record SessionView(
        long id,
        String schoolCode,
        String courseCode,
        String courseName,
        String itemCode,
        String itemName,
        String className,
        LocalDate heldOn,
        String term,
        BigDecimal hours,
        String instructorNumber,
        String instructorName,
        String workshopName,
        int version) {}
