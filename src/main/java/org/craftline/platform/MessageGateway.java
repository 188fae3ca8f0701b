package org.craftline.platform;

import java.util.List;

/**
 * A way to reach a user outside the application, fed by the message queue ({@link MessageOutbox}):
 * email ({@link EmailGateway}) is the first; an SMS or WeChat gateway is another implementation with
 * its own channel name (docs/notifications.md says what a deployment adds for it).
 */
public interface MessageGateway {

    /** The channel's name in the queue, such as {@code EMAIL}. */
    String channel();

    /** Whether this installation is set up to send through the channel; nothing is queued for it when not. */
    boolean enabled();

    /**
     * Sends one message. Returns once the other side has taken it; throws when it did not, and the
     * queue tries again later.
     */
    void send(Outgoing message) throws Exception;

    /**
     * Sends several messages, over one connection where the channel has them, telling the delivery of
     * each as it goes or fails, and stopping (the rest untouched) once the delivery says its time is up.
     * By default one by one through {@link #send}.
     */
    default void sendAll(List<Outgoing> messages, Delivery delivery) {
        for (Outgoing message : messages) {
            if (delivery.expired()) {
                return;
            }
            try {
                send(message);
                delivery.sent(message.id());
            } catch (Exception e) {
                delivery.failed(message.id(), e);
            }
        }
    }

    /** What the queue is told of each message, as it is sent. */
    interface Delivery {
        void sent(long id);

        void failed(long id, Exception cause);

        /** Whether the sender's claim on the messages is running out: send no more. */
        boolean expired();
    }

    /** One message as it leaves: its queue id (stable across attempts), the address, subject and plain text. */
    record Outgoing(long id, String address, String subject, String text) {}
}
