package org.craftline.platform.security;

import java.util.OptionalInt;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password sign-in (page form and HTTP Basic): refused before any look-up while the name is
 * held back from this address (the same answer for a known and an unknown name), then a recent
 * identical check is taken from {@link PasswordCheckCache}, else bcrypt decides.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final UserDetailsService users;
    private final LoginThrottle throttle;
    private final PasswordCheckCache cache;

    ThrottledSignIn(
            UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle, PasswordCheckCache cache) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.users = users;
        this.throttle = throttle;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName().strip();
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        if (throttle.isLocked(name, address(attempt))) {
            throw new LockedException("too many failed sign-ins");
        }
        OptionalInt epoch = cache.epoch(name, password);
        if (epoch.isPresent()) {
            Authentication remembered = remembered(name, epoch.getAsInt(), attempt);
            if (remembered != null) {
                return remembered;
            }
        }
        Authentication result = passwords.authenticate(attempt);
        if (result.getPrincipal() instanceof CraftlineUser user) {
            cache.remember(name, password, user.epoch());
        }
        return result;
    }

    /** The user as it is now, when it may still sign in with what was checked; else null. */
    private Authentication remembered(String name, int epoch, Authentication attempt) {
        UserDetails user;
        try {
            user = users.loadUserByUsername(name);
        } catch (UsernameNotFoundException e) {
            return null;
        }
        if (!(user instanceof CraftlineUser current)
                || current.epoch() != epoch
                || !current.isEnabled()
                || !current.isAccountNonLocked()) {
            return null;
        }
        current.eraseCredentials();
        var result = UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities());
        result.setDetails(attempt.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
