package org.craftline.platform.security;

import java.util.Collection;
import java.util.List;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The security principal: the user's binding, its password hash (erased after sign-in) and the
 * session epoch it signed in with.
 */
final class CraftlineUser implements UserDetails, CredentialsContainer, Tenancy.HasCurrentUser {

    private final CurrentUser user;
    private final boolean enabled;
    private final boolean locked;
    private final int epoch;
    private String passwordHash;

    CraftlineUser(CurrentUser user, String passwordHash, boolean enabled, boolean locked, int epoch) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.epoch = epoch;
    }

    /** The user's session epoch when it signed in: a session whose epoch is no longer the user's has ended. */
    int epoch() {
        return epoch;
    }

    CraftlineUser withEpoch(int newEpoch) {
        return new CraftlineUser(user, passwordHash, enabled, locked, newEpoch);
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
