package org.craftline.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
        sender.send(mime);
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
