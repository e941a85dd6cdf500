package cn.nanning.civic.portal.base;

import cn.nanning.civic.common.identity.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Only staff holding one of these roles may open the view (and see it in the menu). Views without it are open to
 * every signed-in staff member; {@link PublicView} marks the few that need no sign-in.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresRole {
    Role[] value();
}
