package cn.nanning.civic.council.me;

import cn.nanning.civic.council.Db;
import cn.nanning.civic.council.meetings.Meetings;
import cn.nanning.civic.council.opinions.OpinionStatus;
import cn.nanning.civic.council.topics.TopicStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SQL of a resident's own part in 老友议事会: topics, supports, opinions, meeting registrations, subscriptions. */
@Singleton
class CouncilMeStore {

    /** Each list holds the newest this many; the totals count all. */
    static final int LIMIT = 50;

    private final Db db;

    CouncilMeStore(Db db) {
        this.db = db;
    }

    @Serdeable
    record MyTopic(UUID id, UUID councilId, String councilName, String title, String status, String statusLabel,
                   String moderation, long supports, Instant createdAt) {
    }

    @Serdeable
    record MySupport(UUID topicId, UUID councilId, String councilName, String title, String status, String statusLabel,
                     Instant supportedAt) {
    }

    @Serdeable
    record MyOpinion(UUID id, UUID topicId, String topicTitle, String content, String status, String statusLabel,
                     @Nullable String hiddenReason, Instant createdAt) {
    }

    @Serdeable
    record MyMeeting(UUID meetingId, UUID councilId, String councilName, String title, String place, Instant startsAt,
                     String status, String statusLabel, Instant registeredAt) {
    }

    @Serdeable
    record MySubscription(UUID councilId, String councilName, String regionCode, Instant subscribedAt) {
    }

    List<MyTopic> topics(String account) {
        return db.list("""
                select t.id, t.council_id, c.name as council_name, t.title, t.status, t.moderation, t.created_at,
                  (select count(*) from council.topic_support s where s.topic_id = t.id) as supports
                from council.topic t join council.council c on c.id = t.council_id
                where t.proposer_account = ? order by t.created_at desc limit\s""" + LIMIT,
                rs -> new MyTopic(rs.getObject("id", UUID.class), rs.getObject("council_id", UUID.class), rs.getString("council_name"),
                        rs.getString("title"), rs.getString("status"), TopicStatus.valueOf(rs.getString("status")).label(),
                        rs.getString("moderation"), rs.getLong("supports"), Db.instant(rs, "created_at")), account);
    }

    List<MySupport> supports(String account) {
        return db.list("""
                select t.id, t.council_id, c.name as council_name, t.title, t.status, s.created_at
                from council.topic_support s join council.topic t on t.id = s.topic_id join council.council c on c.id = t.council_id
                where s.account_id = ? and t.moderation = 'VISIBLE' order by s.created_at desc limit\s""" + LIMIT,
                rs -> new MySupport(rs.getObject("id", UUID.class), rs.getObject("council_id", UUID.class), rs.getString("council_name"),
                        rs.getString("title"), rs.getString("status"), TopicStatus.valueOf(rs.getString("status")).label(),
                        Db.instant(rs, "created_at")), account);
    }

    List<MyOpinion> opinions(String account) {
        return db.list("""
                select o.id, o.topic_id, t.title as topic_title, o.content, o.status, o.hidden_reason, o.created_at
                from council.opinion o join council.topic t on t.id = o.topic_id
                where o.author_account = ? order by o.created_at desc limit\s""" + LIMIT,
                rs -> new MyOpinion(rs.getObject("id", UUID.class), rs.getObject("topic_id", UUID.class), rs.getString("topic_title"),
                        rs.getString("content"), rs.getString("status"), OpinionStatus.valueOf(rs.getString("status")).label(),
                        rs.getString("hidden_reason"), Db.instant(rs, "created_at")), account);
    }

    List<MyMeeting> meetings(String account) {
        return db.list("""
                select m.id, m.council_id, c.name as council_name, m.title, m.place, m.starts_at, m.status, r.created_at
                from council.meeting_registration r join council.meeting m on m.id = r.meeting_id join council.council c on c.id = m.council_id
                where r.account_id = ? order by m.starts_at desc limit\s""" + LIMIT,
                rs -> new MyMeeting(rs.getObject("id", UUID.class), rs.getObject("council_id", UUID.class), rs.getString("council_name"),
                        rs.getString("title"), rs.getString("place"), Db.instant(rs, "starts_at"), rs.getString("status"),
                        Meetings.statusLabel(rs.getString("status")), Db.instant(rs, "created_at")), account);
    }

    List<MySubscription> subscriptions(String account) {
        return db.list("""
                select c.id, c.name, c.region_code, s.created_at from council.council_subscription s join council.council c on c.id = s.council_id
                where s.account_id = ? order by s.created_at desc limit\s""" + LIMIT,
                rs -> new MySubscription(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("region_code"),
                        Db.instant(rs, "created_at")), account);
    }
}
