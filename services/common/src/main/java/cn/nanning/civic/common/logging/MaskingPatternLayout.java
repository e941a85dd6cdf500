package cn.nanning.civic.common.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.nanning.civic.common.pii.LogMasking;

/**
 * The pattern layout of every deployable's log: the whole formatted line (message, MDC, stack trace) leaves with
 * ID-like and phone-like values masked, whoever wrote it — our code, a framework or a driver's error message.
 */
public class MaskingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return LogMasking.mask(super.doLayout(event));
    }
}
