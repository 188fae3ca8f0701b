package org.craftline.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    /** The domain of the sender's address, for the Message-IDs ("Name <a@b.cn>" gives b.cn). */
    private final String domain;

    EmailGateway(ObjectProvider<JavaMailSender> senders, @Value("${craftline.mail.from}") String from)
            throws AddressException {
        this.senders = senders;
        this.from = from;
        String address = new InternetAddress(from).getAddress();
        this.domain = address.substring(address.indexOf('@') + 1);
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
     * The messages over one SMTP connection (a connection each cost 48 times as much, docs/benchmarks.md),
     * each told as it goes, so that a stop in the middle repeats none that went. A message the server
     * refuses fails alone; a connection lost fails those not yet sent.
     */
    @Override
    public void sendAll(List<Outgoing> messages, Delivery delivery) {
        JavaMailSender sender = senders.getObject();
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            MessageGateway.super.sendAll(messages, delivery);
            return;
        }
        Transport transport;
        try {
            transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
        } catch (MessagingException | RuntimeException away) {
            messages.forEach(m -> delivery.failed(m.id(), away));
            return;
        }
        try {
            for (int i = 0; i < messages.size() && !delivery.expired(); i++) {
                Outgoing message = messages.get(i);
                try {
                    MimeMessage mime = mime(impl, message);
                    mime.saveChanges();
                    transport.sendMessage(mime, mime.getAllRecipients());
                    delivery.sent(message.id());
                } catch (MessagingException | RuntimeException refused) {
                    delivery.failed(message.id(), refused);
                    if (!transport.isConnected()) {
                        messages.subList(i + 1, messages.size()).forEach(m -> delivery.failed(m.id(), refused));
                        return;
                    }
                }
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException closing) {
                // every message told is already told; a connection that does not close cleanly changes none
            }
        }
    }

    private MimeMessage mime(JavaMailSender sender, Outgoing message) throws MessagingException {
        String messageId = "<craftline." + message.id() + "@" + domain + ">";
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
