package cn.nanning.civic.portal.base;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;

/** The one rule deciding who may open a view; navigation and the menu both ask it. */
final class Access {

    private Access() {
    }

    static boolean isPublic(Class<?> view) {
        return view.isAnnotationPresent(PublicView.class);
    }

    static boolean permits(@Nullable StaffSession staff, Class<?> view) {
        if (isPublic(view)) {
            return true;
        }
        if (staff == null) {
            return false;
        }
        RequiresRole required = view.getAnnotation(RequiresRole.class);
        return required == null || staff.hasAnyRole(Arrays.asList(required.value()));
    }
}
