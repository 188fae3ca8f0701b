package org.craftline.training.domain;

import java.math.BigDecimal;

/** A workshop or training base as lists, pages and the API show it. */
public record WorkshopView(
        long id,
        String schoolCode,
        String schoolName,
        String name,
        String kind,
        BigDecimal area,
        int stations,
        BigDecimal equipmentValue,
        int version) {}
