package cn.nanning.civic.volunteers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the volunteers module ({@code civic.volunteers.*}).
 *
 * @param consentPolicyVersion the version of the sensitive personal information notice a registration must accept
 * @param attendanceShare      the share of an activity's planned duration a volunteer must attend for hours to count
 * @param verificationUrl      the public address a certificate's QR code opens, to which the certificate number is appended
 * @param starNotice           how long a star level reached is publicly noticed before it takes effect
 */
@ConfigurationProperties("civic.volunteers")
public record VolunteersSettings(@Bindable(defaultValue = "2025-01") String consentPolicyVersion,
                                 @Bindable(defaultValue = "0.6") double attendanceShare,
                                 @Bindable(defaultValue = "https://civic.nanning.gov.cn/certificates/verify/")
                                 String verificationUrl,
                                 @Bindable(defaultValue = "7d") java.time.Duration starNotice) {
}
