package org.craftline.platform.security;

import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Generated passwords: 16 characters from an alphabet without look-alikes (0/O, 1/l/I). */
final class Passwords {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    // a generated password is random (16 of 56 characters, about 93 bits) and must be changed at the
    // first sign-in: a cheap bcrypt cost makes a whole year's graduate accounts take seconds, not minutes
    private static final BCryptPasswordEncoder INITIAL = new BCryptPasswordEncoder(4);

    static String generate() {
        return random(16);
    }

    /** The stored form of a generated, one-time password (readable by the delegating encoder). */
    static String initialHash(String generated) {
        return "{bcrypt}" + INITIAL.encode(generated);
    }

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
