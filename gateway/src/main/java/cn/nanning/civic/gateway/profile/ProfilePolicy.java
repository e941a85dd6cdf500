package cn.nanning.civic.gateway.profile;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What the citizen agrees to when they save their personal data for reuse. A new version asks everyone again: a
 * profile saved under an older version is still shown to its owner, with {@code consentCurrent: false}.
 */
@Serdeable
public record ProfilePolicy(String version, String title, String text) {

    static final ProfilePolicy CURRENT = new ProfilePolicy("2026-12", "个人资料保存说明",
            "您同意后，我们保存您的姓名和身份证号码（加密存储），以后在本小程序申请志愿者注册、法律援助、心理咨询预约和代办时"
                    + "自动填写，您仍可在提交前修改。手机号使用您已绑定的号码，不另行保存。这些资料只用于您本人办理的事项；"
                    + "工作人员只在办理您的事项时看到，且每次查看都有记录。您可以随时在“我的资料”中修改，或撤回同意并删除资料，"
                    + "删除不影响已经提交的申请。");
}
