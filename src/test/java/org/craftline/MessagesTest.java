package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * All user-facing text lives in the two message files: templates carry no literal text, every key
 * a template uses exists, and both languages have the same keys.
 */
class MessagesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    static final Pattern TEXT = Pattern.compile(">([^<]+)<");
    static final Pattern LETTERS = Pattern.compile("[\\p{L}]");
    static final Pattern LITERAL_ATTRIBUTE =
            Pattern.compile("\\s(placeholder|title|alt|aria-label|data-confirm)=\"([^\"]*)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = keys("messages.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(new TreeSet<>(zh)).as("keys only in Chinese").containsAll(en);
        assertThat(new TreeSet<>(en)).as("keys only in English").containsAll(zh);
    }

    /** A key written twice keeps only its last text: a label would silently show an error message. */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Set<String> seen = new TreeSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0
                        && !line.startsWith("#")
                        && !seen.add(line.substring(0, eq).strip())) {
                    twice.add(line.substring(0, eq).strip());
                }
            }
            assertThat(twice).as("keys written twice in " + file).isEmpty();
        }
    }

    @Test
    void everyKeyUsedByATemplateExists() throws IOException {
        Set<String> zh = keys("messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = KEY.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1);
                // a key completed at render time, e.g. #{role.__${me.role}__}: some key must start with it
                boolean dynamic = key.endsWith("__") && zh.stream().anyMatch(k -> k.startsWith(key.replace("__", "")));
                if (!zh.contains(key) && !dynamic) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesCarryNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher text = TEXT.matcher(html);
            while (text.find()) {
                if (LETTERS.matcher(text.group(1)).find()) {
                    literals.add(template.getFileName() + ": " + text.group(1).strip());
                }
            }
            Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (LETTERS.matcher(attribute.group(2)).find()) {
                    literals.add(
                            template.getFileName() + ": " + attribute.group(0).strip());
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void theCheckFindsLiteralText() {
        assertThat(TEXT.matcher("<p>Hello</p>").find()).isTrue();
        assertThat(LITERAL_ATTRIBUTE.matcher("<input placeholder=\"Name\">").find())
                .isTrue();
    }

    static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p.stringPropertyNames();
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }
}
