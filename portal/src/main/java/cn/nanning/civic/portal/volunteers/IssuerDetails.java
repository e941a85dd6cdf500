package cn.nanning.civic.portal.volunteers;

/** The organisation a certificate is issued in the name of, and how to reach it (a Binder bean of the organiser's screen). */
public final class IssuerDetails {

    private String name = "";
    private String contact = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact == null ? "" : contact.strip();
    }
}
