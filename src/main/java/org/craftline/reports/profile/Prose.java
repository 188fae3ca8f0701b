package org.craftline.reports.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.craftline.reports.support.Figures;
import org.craftline.reports.support.Languages;
import org.springframework.context.MessageSource;

/** Sentences of one language: message patterns filled with numbers written as that language writes them. */
final class Prose {

    private final MessageSource messages;
    private final Locale locale;
    final boolean english;

    Prose(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.english = Languages.english(locale);
    }

    /** A message with its arguments; numbers are written plainly (years without a separator). */
    String say(String key, Object... args) {
        Object[] plain = Arrays.stream(args)
                .map(a -> a instanceof Number ? a.toString() : a)
                .toArray();
        return messages.getMessage(key, plain, locale);
    }

    String count(Number n) {
        return n == null ? say("profile.unknown") : Figures.number(n);
    }

    String percent(Number rate) {
        return rate == null ? say("profile.unknown") : Figures.percentText(rate);
    }

    /** Chinese in 万元 (ten thousand yuan), English in yuan with thousands separators. */
    String money(Number yuan) {
        if (yuan == null) {
            return say("profile.unknown");
        }
        BigDecimal amount = new BigDecimal(yuan.toString());
        if (english) {
            return Figures.number(amount.setScale(0, RoundingMode.HALF_UP));
        }
        return amount.movePointLeft(4)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** "A、B和C" or "A, B and C". */
    String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        String last = items.get(items.size() - 1);
        return String.join(say("profile.listSeparator"), items.subList(0, items.size() - 1))
                + say("profile.listLast")
                + last;
    }

    /** Sentences one after another: Chinese without a space, English with one. */
    String join(String... sentences) {
        return String.join(
                english ? " " : "",
                Arrays.stream(sentences).filter(s -> !s.isBlank()).toList());
    }
}
