package org.craftline.platform.security;

import java.util.Collection;
import java.util.List;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: the user's binding and its password hash (erased after sign-in). */
final class CraftlineUser implements UserDetails, CredentialsContainer, Tenancy.HasCurrentUser {

    private final CurrentUser user;
    private final boolean enabled;
    private final boolean locked;
    private String passwordHash;

    CraftlineUser(CurrentUser user, String passwordHash, boolean enabled, boolean locked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
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
