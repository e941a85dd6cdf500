package cn.nanning.civic.kernel.calendar;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The city's working-day calendar, read from {@code kernel.calendar_day}. Modules use it for their time limits. */
@Singleton
public class WorkingDayCalendar {

    private final JdbcOperations jdbc;

    WorkingDayCalendar(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A snapshot of the calendar, current as of this call (the table is small; edits apply to the next call). */
    @Transactional(readOnly = true)
    public WorkingDays current() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        jdbc.prepareStatement("select day, working from kernel.calendar_day", statement -> {
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    exceptions.put(rows.getObject(1, LocalDate.class), rows.getBoolean(2));
                }
            }
            return null;
        });
        return new WorkingDays(exceptions);
    }

    /** Records a holiday or a make-up working day, replacing what the calendar said about that day. */
    @Transactional
    public void set(LocalDate day, boolean working, String name) {
        jdbc.prepareStatement("""
                insert into kernel.calendar_day (day, working, name) values (?, ?, ?)
                on conflict (day) do update set working = excluded.working, name = excluded.name""", statement -> {
            statement.setObject(1, day);
            statement.setBoolean(2, working);
            statement.setString(3, name);
            return statement.executeUpdate();
        });
    }
}
