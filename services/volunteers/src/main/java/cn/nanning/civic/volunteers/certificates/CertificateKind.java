package cn.nanning.civic.volunteers.certificates;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a volunteer may ask for. The module issues one kind of certificate today: the 志愿服务证明 of all confirmed
 * service hours (《志愿服务记录与证明出具办法（试行）》).
 */
enum CertificateKind {

    SERVICE_HOURS("志愿服务时长证明");

    private final String label;

    CertificateKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<CertificateKind> of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name == null ? null : name.strip())).findFirst();
    }

    static String labelOf(String name) {
        return of(name).map(CertificateKind::label).orElse("志愿服务证明");
    }
}
