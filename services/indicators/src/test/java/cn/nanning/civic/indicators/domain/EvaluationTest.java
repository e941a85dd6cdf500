package cn.nanning.civic.indicators.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every indicator computed on a small known tree: a city, two districts, three townships, twelve villages. */
class EvaluationTest {

    static final String CITY = "450100";
    static final String D1 = "450102";
    static final String D2 = "450103";
    static final String T1 = "450102001";
    static final String T2 = "450102002";
    static final String T3 = "450103001";

    static RegionTree tree() {
        List<RegionTree.Node> nodes = new ArrayList<>(List.of(
                new RegionTree.Node(CITY, "南宁市", Level.CITY, "450000"),
                new RegionTree.Node(D1, "兴宁区", Level.DISTRICT, CITY),
                new RegionTree.Node(D2, "青秀区", Level.DISTRICT, CITY),
                new RegionTree.Node(T1, "甲街道", Level.TOWNSHIP, D1),
                new RegionTree.Node(T2, "乙街道", Level.TOWNSHIP, D1),
                new RegionTree.Node(T3, "丙镇", Level.TOWNSHIP, D2),
                new RegionTree.Node(T2 + "001", "乙社区", Level.VILLAGE, T2),
                new RegionTree.Node(T3 + "001", "丙村", Level.VILLAGE, T3)));
        for (int i = 1; i <= 10; i++) {
            nodes.add(new RegionTree.Node(village(i), "甲" + i + "社区", Level.VILLAGE, T1));
        }
        return new RegionTree(nodes);
    }

    static String village(int i) {
        return T1 + String.format("%03d", i);
    }

    static Measurement measure(Indicator indicator, String code, Map<String, AreaFigures> totals) {
        RegionTree t = tree();
        return Evaluation.measure(indicator, t.find(code).orElseThrow(), totals.get(code));
    }

    @Test
    void nineOfTenVillagesAbleToProxyIsExactlyTheNinetyPercentTargetAndCountsAsMet() {
        Aggregation a = new Aggregation(tree());
        for (int i = 1; i <= 9; i++) {
            a.countVillage(Counter.VILLAGES_ABLE_TO_PROXY, village(i));
        }
        a.countVillage(Counter.VILLAGES_ABLE_TO_PROXY, T3 + "001");
        Map<String, AreaFigures> totals = a.totals();

        Measurement township = measure(Indicator.PROXY_COVERAGE, T1, totals);
        assertThat(township.numerator()).isEqualTo(9);
        assertThat(township.denominator()).isEqualTo(10);
        assertThat(township.value()).isEqualByComparingTo("0.9");
        assertThat(township.status()).isEqualTo(Status.MET);
        assertThat(township.valueText()).isEqualTo("90.0%");

        Measurement district = measure(Indicator.PROXY_COVERAGE, D1, totals);
        assertThat(district.numerator()).isEqualTo(9);
        assertThat(district.denominator()).isEqualTo(11);
        assertThat(district.status()).isEqualTo(Status.NEAR); // 81.8% ≥ 90% of 90%
        Measurement city = measure(Indicator.PROXY_COVERAGE, CITY, totals);
        assertThat(city.numerator()).isEqualTo(10);
        assertThat(city.denominator()).isEqualTo(12);
        assertThat(measure(Indicator.PROXY_COVERAGE, village(10), totals).status()).isEqualTo(Status.BEHIND);
        assertThat(measure(Indicator.PROXY_COVERAGE, village(1), totals).status()).isEqualTo(Status.MET);
    }

    @Test
    void eightOfTenIsBehindTheNinetyPercentTargetWhileNineOfTenIsCloseToAHundredPercentTarget() {
        Aggregation a = new Aggregation(tree());
        for (int i = 1; i <= 8; i++) {
            a.countVillage(Counter.VILLAGES_ABLE_TO_PROXY, village(i));
        }
        for (int i = 1; i <= 9; i++) {
            a.countVillage(Counter.VILLAGES_WITH_COUNCIL, village(i));
        }
        Map<String, AreaFigures> totals = a.totals();
        assertThat(measure(Indicator.PROXY_COVERAGE, T1, totals).status()).isEqualTo(Status.BEHIND);
        Measurement councils = measure(Indicator.COUNCIL_COVERAGE, T1, totals);
        assertThat(councils.status()).isEqualTo(Status.NEAR);
        assertThat(councils.statusLabel()).isEqualTo("接近");
    }

    @Test
    void volunteersAgainstPopulationMeetTwentyPercentExactlyAndSayWhenThePopulationIsMissing() {
        Aggregation a = new Aggregation(tree());
        a.count(Counter.REGISTERED_VOLUNTEERS, village(1), 150);
        a.count(Counter.REGISTERED_VOLUNTEERS, village(2), 50);
        a.count(Counter.REGISTERED_VOLUNTEERS, T2 + "001", 199);
        a.population(T1, new Population(1000, 2020, "第七次全国人口普查"));
        a.population(T2, new Population(1000, 2020, "第七次全国人口普查"));
        Map<String, AreaFigures> totals = a.totals();

        Measurement met = measure(Indicator.VOLUNTEER_SHARE, T1, totals);
        assertThat(met.value()).isEqualByComparingTo("0.2");
        assertThat(met.status()).isEqualTo(Status.MET);
        assertThat(met.details()).contains(new Measurement.Detail("常住人口来源", "2020 年，第七次全国人口普查"));
        assertThat(measure(Indicator.VOLUNTEER_SHARE, T2, totals).status()).isEqualTo(Status.NEAR);

        Measurement district = measure(Indicator.VOLUNTEER_SHARE, D1, totals);
        assertThat(district.value()).isNull();
        assertThat(district.status()).isEqualTo(Status.NO_DATA);
        assertThat(district.statusLabel()).isEqualTo("人口数据未接入");
        assertThat(district.valueText()).isEqualTo("人口数据未接入");
        assertThat(district.numerator()).isEqualTo(399);
        assertThat(district.denominator()).isNull();
    }

    @Test
    void patrolMembersMeetOnePerThousandExactlyAndAreNotCountedForVillages() {
        Aggregation a = new Aggregation(tree());
        a.count(Counter.PATROL_MEMBERS, T1, 3);
        a.population(T1, new Population(3000, 2020, "普查"));
        Map<String, AreaFigures> totals = a.totals();
        Measurement township = measure(Indicator.PATROL_MEMBERS, T1, totals);
        assertThat(township.value()).isEqualByComparingTo("0.001");
        assertThat(township.status()).isEqualTo(Status.MET);
        assertThat(township.valueText()).isEqualTo("1.00‰");
        assertThat(measure(Indicator.PATROL_MEMBERS, village(1), totals).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(measure(Indicator.PATROL_MEMBERS, D1, totals).statusLabel()).isEqualTo("人口数据未接入");
    }

    @Test
    void aTownshipQualifiesWithAStationAndAPingAnTeamAndCountiesNeedACounsellingRoom() {
        Aggregation a = new Aggregation(tree());
        a.count(Counter.STATIONS, T1, 1);
        a.count(Counter.PING_AN_TEAMS, T1, 2);
        a.count(Counter.STATIONS, T2, 1);
        a.count(Counter.COUNSELLING_ROOMS, D1, 2);
        a.count(Counter.COUNSELLING_ROOMS, T1, 1); // a room registered at a township still belongs to its county
        Map<String, AreaFigures> totals = a.totals();

        Measurement d1 = measure(Indicator.TOWNSHIP_STATIONS, D1, totals);
        assertThat(d1.numerator()).isEqualTo(1);
        assertThat(d1.denominator()).isEqualTo(2);
        assertThat(d1.details()).contains(new Measurement.Detail("建有服务站的乡镇（街道）", "2 个"));
        assertThat(measure(Indicator.TOWNSHIP_STATIONS, T1, totals).status()).isEqualTo(Status.MET);
        assertThat(measure(Indicator.TOWNSHIP_STATIONS, T2, totals).status()).isEqualTo(Status.BEHIND);

        Measurement rooms = measure(Indicator.COUNSELLING_ROOMS, CITY, totals);
        assertThat(rooms.numerator()).isEqualTo(1);
        assertThat(rooms.denominator()).isEqualTo(2);
        assertThat(rooms.details()).contains(new Measurement.Detail("心理咨询室", "3 个"),
                new Measurement.Detail("超过 2 个咨询室的县（市、区）", "1 个"));
        assertThat(measure(Indicator.COUNSELLING_ROOMS, D1, totals).status()).isEqualTo(Status.MET);
        assertThat(measure(Indicator.COUNSELLING_ROOMS, T1, totals).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void legalServiceCoverageCountsEachLevelAndIsMetOnlyWhenAllFourAreCovered() {
        Aggregation a = new Aggregation(tree());
        a.legalPlaceAt(CITY);
        a.legalPlaceAt(D1);
        a.legalPlaceAt(D2);
        a.legalPlaceAt(T1);
        a.legalPlaceAt(T2);
        a.legalPlaceAt(T3);
        a.legalPlaceAt(T2 + "001");
        a.legalPlaceAt("450102999999"); // not a known village: covers nothing
        Map<String, AreaFigures> totals = a.totals();
        Measurement city = measure(Indicator.LEGAL_SERVICE_COVERAGE, CITY, totals);
        assertThat(city.numerator()).isEqualTo(7);
        assertThat(city.denominator()).isEqualTo(18);
        assertThat(city.status()).isEqualTo(Status.BEHIND);
        assertThat(city.details()).containsExactly(new Measurement.Detail("市级", "1 / 1"), new Measurement.Detail("县级", "2 / 2"),
                new Measurement.Detail("乡镇级", "3 / 3"), new Measurement.Detail("村级", "1 / 12"));
        Measurement t2 = measure(Indicator.LEGAL_SERVICE_COVERAGE, T2, totals);
        assertThat(t2.value()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(t2.status()).isEqualTo(Status.MET);
    }

    @Test
    void proxyQualityHasAMedianOfWholeDaysPunctualityAndSatisfactionWithoutTargets() {
        Aggregation a = new Aggregation(tree());
        a.deliveryDays(village(1), 2, 1);
        a.deliveryDays(village(1), 4, 1);
        a.deliveryDays(village(2), 5, 1);
        a.deliveryDays(T2 + "001", 1, 1);
        a.count(Counter.FORWARDS_DUE, village(1), 4);
        a.count(Counter.FORWARDED_ON_TIME, village(1), 3);
        a.count(Counter.FOLLOW_UPS, village(1), 3);
        a.count(Counter.SATISFIED, village(1), 2);
        a.count(Counter.SATISFACTION_SUM, village(1), 12);
        Map<String, AreaFigures> totals = a.totals();

        Measurement median = measure(Indicator.PROXY_DELIVERY_DAYS, T1, totals);
        assertThat(median.value()).isEqualByComparingTo("4");
        assertThat(median.valueText()).isEqualTo("4 天");
        assertThat(median.denominator()).isEqualTo(3);
        assertThat(median.status()).isEqualTo(Status.MONITORED);
        assertThat(measure(Indicator.PROXY_DELIVERY_DAYS, D1, totals).value()).isEqualByComparingTo("3"); // 1,2,4,5
        Measurement onTime = measure(Indicator.PROXY_ON_TIME, T1, totals);
        assertThat(onTime.value()).isEqualByComparingTo("0.75");
        assertThat(onTime.status()).isEqualTo(Status.MONITORED);
        Measurement satisfaction = measure(Indicator.PROXY_SATISFACTION, T1, totals);
        assertThat(satisfaction.numerator()).isEqualTo(2);
        assertThat(satisfaction.details()).containsExactly(new Measurement.Detail("平均评分", "4.00 / 5"));
    }

    @Test
    void aRegionWithNoDataShowsZeroCountsAndNoValueWhereNothingWasDue() {
        Map<String, AreaFigures> totals = new Aggregation(tree()).totals();
        String empty = T3;
        assertThat(measure(Indicator.COUNCIL_COVERAGE, empty, totals).status()).isEqualTo(Status.BEHIND);
        assertThat(measure(Indicator.COUNCIL_COVERAGE, empty, totals).value()).isEqualByComparingTo("0");
        assertThat(measure(Indicator.LEGAL_CONSULTATIONS, empty, totals).value()).isEqualByComparingTo("0");
        assertThat(measure(Indicator.LEGAL_CONSULTATIONS, empty, totals).status()).isEqualTo(Status.MONITORED);
        for (Indicator noneDue : List.of(Indicator.LEGAL_AID_ON_TIME, Indicator.URGENT_SCREENINGS, Indicator.PROXY_ON_TIME,
                Indicator.PROXY_DELIVERY_DAYS, Indicator.PROXY_SATISFACTION)) {
            Measurement m = measure(noneDue, empty, totals);
            assertThat(m.value()).as(noneDue.id()).isNull();
            assertThat(m.status()).as(noneDue.id()).isEqualTo(Status.NO_DATA);
            assertThat(m.details()).as(noneDue.id()).isNotEmpty();
        }
        assertThat(measure(Indicator.VOLUNTEER_SHARE, empty, totals).statusLabel()).isEqualTo("人口数据未接入");
        assertThat(Evaluation.all(tree().find(empty).orElseThrow(), totals.get(empty))).hasSize(Indicator.values().length);
    }

    @Test
    void factsUnderACodeTheDivisionDataLacksCountForTheNearestKnownRegion() {
        Aggregation a = new Aggregation(tree());
        a.count(Counter.CONSULTATIONS_HELD, T1 + "999", 2);
        a.count(Counter.CONSULTATIONS_HELD, "450102777", 1);
        a.count(Counter.CONSULTATIONS_HELD, "450199", 5); // a district code the data lacks: the city
        a.count(Counter.CONSULTATIONS_HELD, "440100", 7); // another city: ignored
        Map<String, AreaFigures> totals = a.totals();
        assertThat(totals.get(T1).get(Counter.CONSULTATIONS_HELD)).isEqualTo(2);
        assertThat(totals.get(D1).get(Counter.CONSULTATIONS_HELD)).isEqualTo(3);
        assertThat(totals.get(CITY).get(Counter.CONSULTATIONS_HELD)).isEqualTo(8);
    }
}
