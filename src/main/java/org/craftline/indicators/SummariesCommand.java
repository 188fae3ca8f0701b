package org.craftline.indicators;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar craftline.jar --verify-summaries}: starts, verifies every summary against the
 * records, prints the differences by table and exits with 0 when there are none, else 1.
 */
@Component
class SummariesCommand implements ApplicationRunner {

    private final Summaries summaries;
    private final ConfigurableApplicationContext context;

    SummariesCommand(Summaries summaries, ConfigurableApplicationContext context) {
        this.summaries = summaries;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify-summaries")) {
            return;
        }
        Summaries.Verification v = summaries.verify();
        System.out.println(report(v));
        int code = v.total() == 0 ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    static String report(Summaries.Verification v) {
        StringBuilder out = new StringBuilder("summaries verified against the records in ")
                .append(v.milliseconds())
                .append(" ms\n");
        v.differences().forEach((table, n) -> out.append(String.format("%-26s %,d rows differ%n", table, n)));
        out.append(v.total() == 0 ? "verify = 0 differences" : "verify = " + v.total() + " differences");
        return out.toString();
    }
}
