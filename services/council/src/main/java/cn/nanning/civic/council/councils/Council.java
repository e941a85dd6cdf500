package cn.nanning.civic.council.councils;

import java.time.Instant;
import java.util.UUID;

/** A council as other concepts of the module see it: its place and the voting rules of its charter. */
public record Council(UUID id, String regionCode, String name, String charter, ResolutionBody resolutionBody,
                      Threshold quorum, Threshold majority, Instant createdAt, Instant updatedAt) {
}
