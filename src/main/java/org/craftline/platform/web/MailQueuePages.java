package org.craftline.platform.web;

import java.util.Map;
import org.craftline.platform.MailQueue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's view of the mail queue: how many messages wait, went or were given up, and putting
 * those given up back once the mail server is fixed ({@code /admin/mail}, {@code /api/v1/admin/mail-queue}).
 */
@Controller
class MailQueuePages {

    private final MailQueue queue;

    MailQueuePages(MailQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/admin/mail")
    String page(Model model) {
        model.addAttribute("queue", queue.state());
        return "platform/mail-queue";
    }

    @PostMapping("/admin/mail/retry")
    String retry(RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashMessage", "mailQueue.retried");
        redirect.addFlashAttribute("flashArg", queue.retryFailed());
        return "redirect:/admin/mail";
    }

    @GetMapping("/api/v1/admin/mail-queue")
    @ResponseBody
    MailQueue.QueueState state() {
        return queue.state();
    }

    /** Puts the messages given up in the last three days back in the queue; answers how many. */
    @PostMapping("/api/v1/admin/mail-queue/retry")
    @ResponseBody
    Map<String, Integer> retryApi() {
        return Map.of("retried", queue.retryFailed());
    }
}
