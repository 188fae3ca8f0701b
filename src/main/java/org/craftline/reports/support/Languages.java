package org.craftline.reports.support;

import java.util.Locale;
import org.craftline.shared.InvalidFieldException;
import org.springframework.context.i18n.LocaleContextHolder;

/** The {@code lang} parameter of the report endpoints: zh or en; absent, the request's language. */
public final class Languages {

    private Languages() {}

    public static Locale locale(String lang) {
        if (lang == null || lang.isBlank()) {
            return "en".equals(LocaleContextHolder.getLocale().getLanguage())
                    ? Locale.ENGLISH
                    : Locale.SIMPLIFIED_CHINESE;
        }
        return switch (lang.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "zh_cn" -> Locale.SIMPLIFIED_CHINESE; // zh_CN: what the language switch sends
            case "en" -> Locale.ENGLISH;
            default -> throw new InvalidFieldException("lang", "reports.lang.invalid");
        };
    }

    public static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
