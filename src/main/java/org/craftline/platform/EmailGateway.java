package org.craftline.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through the SMTP server of {@code spring.mail.*} (host, port, credentials, TLS; Spring Boot
 * makes the sender once {@code spring.mail.host} is set). Each message carries a Message-ID made of
 * its queue id, so a message sent twice (the server took it but the application stopped before it
 * could mark it sent) is the same message to the reader's mail program.
 */
@Component
class EmailGateway implements MessageGateway {

    static final String CHANNEL = "EMAIL";

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;

    EmailGateway(ObjectProvider<JavaMailSender> senders, @Value("${craftline.mail.from}") String from) {
        this.senders = senders;
        this.from = from;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    @Override
    public void send(Outgoing message) throws MessagingException {
        JavaMailSender sender = senders.getObject();
        sender.send(mime(sender, message));
    }

    /**
     * All the messages over one SMTP connection (a connection each costs its greeting, TLS and
     * authentication: 50 ms a mail against 2 ms on loopback, docs/benchmarks.md). A message the server
     * refuses fails alone; a connection that fails fails those not yet sent.
     */
    @Override
    public Map<Long, Exception> sendAll(List<Outgoing> messages) {
        JavaMailSender sender = senders.getObject();
        Map<MimeMessage, Long> ids = new IdentityHashMap<>();
        Map<Long, Exception> failed = new HashMap<>();
        for (Outgoing message : messages) {
            try {
                ids.put(mime(sender, message), message.id());
            } catch (MessagingException | RuntimeException e) {
                failed.put(message.id(), e);
            }
        }
        try {
            sender.send(ids.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException partly) {
            if (partly.getFailedMessages().isEmpty()) {
                ids.values().forEach(id -> failed.put(id, partly));
            }
            partly.getFailedMessages().forEach((mime, e) -> failed.put(ids.get(mime), e));
        } catch (MailException none) {
            ids.values().forEach(id -> failed.put(id, none));
        }
        return failed;
    }

    private MimeMessage mime(JavaMailSender sender, Outgoing message) throws MessagingException {
        String messageId = "<craftline." + message.id() + "@" + from.substring(from.indexOf('@') + 1) + ">";
        MimeMessage mime = sender instanceof JavaMailSenderImpl impl
                ? new Identified(impl.getSession(), messageId)
                : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.address());
        helper.setSubject(message.subject());
        helper.setText(message.text(), false);
        mime.setHeader("Message-ID", messageId);
        return mime;
    }

    /** A message whose Message-ID stays the one given (Jakarta Mail makes a new one when it is sent). */
    private static final class Identified extends MimeMessage {

        private final String messageId;

        Identified(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
