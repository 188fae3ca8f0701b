package org.craftline.platform;

import java.util.Set;

/** The member schools of a vocational education group, for a bureau user bound to a group. */
@FunctionalInterface
public interface GroupDirectory {

    Set<Long> schoolsInGroup(long groupId);
}
