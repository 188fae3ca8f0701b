package org.craftline.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * Sends several messages, over one connection where the channel has them; answers the failures by
     * message id (those not named went). By default one by one through {@link #send}.
     */
    default Map<Long, Exception> sendAll(List<Outgoing> messages) {
        Map<Long, Exception> failed = new HashMap<>();
        for (Outgoing message : messages) {
            try {
                send(message);
            } catch (Exception e) {
                failed.put(message.id(), e);
            }
        }
        return failed;
    }

    /** One message as it leaves: its queue id (stable across attempts), the address, subject and plain text. */
    record Outgoing(long id, String address, String subject, String text) {}
}
