package cn.nanning.civic.proxy.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/**
 * The catalogue's categories: the code family of an item ({@code NN-SB-001} is in {@code SB}), each with its Chinese
 * name. Items whose code belongs to no family (added by an administrator with another code) are {@link #OTHER}.
 */
public enum CatalogueCategory {
    SB("社会保险"),
    YB("医疗保障"),
    HJ("户籍与证件"),
    MZ("民政救助"),
    CL("残疾人服务"),
    YL("养老服务"),
    LD("劳动维权"),
    JY("就业创业"),
    NY("农业农村"),
    TY("退役军人服务"),
    WS("卫生健康"),
    JZ("教育资助"),
    FL("法律服务"),
    OTHER("其他事项");

    private static final String PREFIX = "NN-";

    private final String label;

    CatalogueCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The category of an item code. */
    public static CatalogueCategory of(String itemCode) {
        if (itemCode != null && itemCode.startsWith(PREFIX)) {
            int end = itemCode.indexOf('-', PREFIX.length());
            if (end > PREFIX.length()) {
                String family = itemCode.substring(PREFIX.length(), end);
                return Arrays.stream(values()).filter(c -> c != OTHER && c.name().equals(family)).findFirst().orElse(OTHER);
            }
        }
        return OTHER;
    }

    /** One category as clients list it: its code, Chinese name and the item-code prefix of its family (none for OTHER). */
    @Serdeable
    public record View(String code, String label, @Nullable String codePrefix) {
    }

    static List<View> views() {
        return Arrays.stream(values()).map(c -> new View(c.name(), c.label, c == OTHER ? null : PREFIX + c.name() + "-")).toList();
    }
}
