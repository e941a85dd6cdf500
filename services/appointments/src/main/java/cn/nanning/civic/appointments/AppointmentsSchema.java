package cn.nanning.civic.appointments;

import cn.nanning.civic.common.pii.EncryptedColumns;
import cn.nanning.civic.common.pii.EncryptedColumns.Column;
import cn.nanning.civic.kernel.schema.ModuleSchema;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

import java.util.List;

/** The appointments module owns the PostgreSQL schema "appointments"; its migrations live in db/appointments. */
@Factory
class AppointmentsSchema {

    @Bean
    ModuleSchema appointmentsSchema() {
        return new ModuleSchema("appointments", "classpath:db/appointments", 30);
    }

    /** Personal data this module encrypts, for re-encryption after a key rotation. */
    @Bean
    EncryptedColumns appointmentsEncryptedColumns() {
        return new EncryptedColumns(List.of(
                new Column("appointments.assisted_booking", "booking_id", "resident_name", "assisted_booking.resident_name"),
                new Column("appointments.assisted_booking", "booking_id", "resident_phone", "assisted_booking.resident_phone"),
                new Column("appointments.legal_aid_application", "id", "applicant_name", "legal_aid_application.applicant_name"),
                new Column("appointments.legal_aid_application", "id", "id_number", "legal_aid_application.id_number"),
                new Column("appointments.legal_aid_application", "id", "phone", "legal_aid_application.phone"),
                new Column("appointments.legal_aid_document", "id", "display_name", "legal_aid_document.display_name"),
                new Column("appointments.psychology_intake", "booking_id", "client_id_number", "psychology_intake.client_id_number"),
                new Column("appointments.psychology_intake", "booking_id", "guardian", "psychology_intake.guardian"),
                new Column("appointments.psychology_intake", "booking_id", "screening", "psychology_intake.screening"),
                new Column("appointments.psychology_intake", "booking_id", "client_name", "psychology_intake.client_name"),
                new Column("appointments.psychology_intake", "booking_id", "client_phone", "psychology_intake.client_phone"),
                new Column("appointments.counselling_note", "id", "body", "counselling_note.body")));
    }
}
