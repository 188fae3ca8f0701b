/** Small building blocks every module may use: paging, not-found and conflict exceptions. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.craftline.shared;

import org.springframework.modulith.ApplicationModule;
