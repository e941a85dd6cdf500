package cn.nanning.civic.portal.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTextTest {

    @Test
    void an_api_field_name_in_front_of_the_explanation_is_dropped() {
        assertThat(ProblemText.of(Map.of("detail", "residentPhone：请填写委托人手机号码"), 400)).isEqualTo("请填写委托人手机号码");
        assertThat(ProblemText.of(Map.of("detail", "actualAttendance：请填写实到人数。"), 400)).isEqualTo("请填写实到人数。");
        assertThat(ProblemText.of(Map.of("detail", "name：事项名称不能为空"), 400)).isEqualTo("事项名称不能为空");
    }

    @Test
    void field_errors_read_with_a_chinese_label_where_the_sentence_does_not_name_the_field() {
        Map<String, Object> problem = Map.of("detail", "votesFor：不能为负数", "errors", List.of(
                Map.of("field", "votesFor", "message", "不能为负数"),
                Map.of("field", "registerStep.body.actualAttendance", "message", "请填写实到人数。")));
        assertThat(ProblemText.of(problem, 400)).isEqualTo("赞成票数：不能为负数；请填写实到人数。");
    }

    @Test
    void english_or_technical_texts_never_reach_the_person() {
        assertThat(ProblemText.of(Map.of("detail", "must not be null", "title", "Bad Request"), 400)).isEqualTo("提交的信息有误，请检查后重试。");
        assertThat(ProblemText.of(Map.of("detail", "java.lang.NullPointerException: 空"), 500)).isEqualTo("服务暂时不可用，请稍后再试。");
        assertThat(ProblemText.of(Map.of("errors", List.of(Map.of("field", "name", "message", "size must be between 1 and 50"))), 400))
                .isEqualTo("提交的信息有误，请检查后重试。");
        assertThat(ProblemText.of(Map.of(), 404)).isEqualTo("未找到相关信息。");
    }

    @Test
    void a_chinese_detail_is_kept_as_the_services_wrote_it() {
        assertThat(ProblemText.of(Map.of("detail", "预约时间尚未开始，不能登记到场情况。", "title", "请求有误"), 400))
                .isEqualTo("预约时间尚未开始，不能登记到场情况。");
    }
}
