package cn.nanning.civic.common.pii;

/** How personal data appears in responses and screens: enough to recognise, not enough to misuse. */
public final class Masking {

    private Masking() {
    }

    /** 450103199001011234 → 4501**********1234. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** 张三丰 → 张**; 李四 → 李*. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = Character.charCount(name.codePointAt(0));
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
