package cn.nanning.civic.council.decisions;

import cn.nanning.civic.council.CouncilFixture;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static cn.nanning.civic.council.CouncilFixture.detail;
import static cn.nanning.civic.council.CouncilFixture.refused;
import static cn.nanning.civic.council.CouncilFixture.type;
import static cn.nanning.civic.council.decisions.DecisionsApiTest.holding;
import static org.assertj.core.api.Assertions.assertThat;

/** Implementation progress photos: real images only, metadata stripped, public with the result. */
@MicronautTest(transactional = false)
class ProgressPhotosApiTest {

    private static final String SECRET = "GPS 22.8170N 108.3665E 黄大伯的手机";

    @Inject
    CouncilFixture f;

    CouncilFixture.Setup s;
    String decisionId;
    String progressId;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aDecisionBeingImplemented() {
        s = f.council();
        String topic = f.post("/api/v1/council/councils/" + s.councilId() + "/topics", Map.of("title", "修缮村道", "description", "村道破损"),
                f.tokens.citizen()).get("id").toString();
        f.post("/api/v1/council/topics/" + topic + "/accept", Map.of(), s.convener());
        decisionId = f.post("/api/v1/council/councils/" + s.councilId() + "/decisions",
                Map.of("title", "村道硬化工程", "matter", "硬化村道 1.2 公里", "topicId", topic), s.convener()).get("id").toString();
        for (Map<String, Object> step : List.of(holding("PROPOSAL", 7, 7, 7, 0, 0), holding("COMMITTEES_DISCUSSION", 11, 10, 9, 1, 0),
                holding("PARTY_REVIEW", 30, 20, 15, 3, 2), holding("RESIDENTS_RESOLUTION", 45, 31, 25, 4, 2))) {
            f.post("/api/v1/council/decisions/" + decisionId + "/register", step, s.convener());
        }
        f.post("/api/v1/council/decisions/" + decisionId + "/resolution", Map.of("content", "同意硬化村道。"), s.convener());
        Map<String, Object> d = f.post("/api/v1/council/decisions/" + decisionId + "/progress",
                Map.of("percent", 40, "note", "路基已完成", "occurredOn", LocalDate.now().toString()), s.convener());
        progressId = ((List<Map<String, Object>>) d.get("progressUpdates")).get(0).get("id").toString();
    }

    private Map<String, Object> upload(String filename, byte[] content, String token) {
        MultipartBody body = MultipartBody.builder().addPart("file", filename, MediaType.APPLICATION_OCTET_STREAM_TYPE, content).build();
        return f.client.toBlocking().retrieve(HttpRequest.POST("/api/v1/council/decisions/" + decisionId + "/progress/" + progressId + "/photos", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJpegWithExifIsPublishedWithoutItsMetadataOnThePublicPage() throws IOException {
        Map<String, Object> photo = upload("IMG_0001.jpg", jpegWithExif(), s.convener());
        assertThat(photo.get("contentType")).isEqualTo("image/jpeg");
        assertThat(photo.get("width")).isEqualTo(64);
        String url = photo.get("url").toString();
        assertThat(url).startsWith("/api/v1/council/public/decisions/" + decisionId + "/photos/");

        Map<String, Object> page = f.get("/api/v1/council/public/decisions/" + decisionId, null);
        List<Map<String, Object>> updates = (List<Map<String, Object>>) page.get("progressUpdates");
        assertThat((List<Map<String, Object>>) updates.get(0).get("photos")).extracting(p -> p.get("url")).containsExactly(url);

        HttpResponse<byte[]> served = f.client.toBlocking().exchange(HttpRequest.GET(url), byte[].class);
        assertThat(served.getContentType().map(Object::toString)).contains("image/jpeg");
        assertThat(served.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        byte[] bytes = served.body();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS 22.8170N");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("黄大伯");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(64);
        String id = url.substring(url.lastIndexOf('/') + 1);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.decision.photo' and detail = ?", id)).isEqualTo(1);
    }

    @Test
    void aPhonePhotoStoredSidewaysWithAnExifOrientationIsPublishedUprightAndWithoutMetadata() throws IOException {
        // 40 × 20 as the sensor saw it, left half red and right half blue; orientation 6 says "turn 90° clockwise".
        Map<String, Object> photo = upload("IMG_0003.jpg", sidewaysJpeg(6), s.convener());

        assertThat(photo.get("width")).isEqualTo(20);
        assertThat(photo.get("height")).isEqualTo(40);
        byte[] bytes = f.client.toBlocking().retrieve(HttpRequest.GET(photo.get("url").toString()), byte[].class);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS 22.8170N");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image.getWidth()).isEqualTo(20);
        assertThat(image.getHeight()).isEqualTo(40);
        // Turned clockwise, the left (red) half is on top and the right (blue) half at the bottom.
        assertThat(red(image.getRGB(10, 5))).isGreaterThan(180);
        assertThat(blue(image.getRGB(10, 5))).isLessThan(80);
        assertThat(blue(image.getRGB(10, 35))).isGreaterThan(180);
        assertThat(red(image.getRGB(10, 35))).isLessThan(80);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    /** A JPEG with a real EXIF block (TIFF structure, as phones write it) holding an orientation and a location note. */
    private static byte[] sidewaysJpeg(int orientation) throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x < 20 ? 0xFF0000 : 0x0000FF);
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] note = "GPS 22.8170N 108.3665E\0".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        // Big-endian TIFF header, IFD0 at offset 8 with two entries: Orientation (SHORT) and ImageDescription (ASCII).
        tiff.write(new byte[]{'M', 'M', 0, 42, 0, 0, 0, 8});
        tiff.write(new byte[]{0, 2});
        tiff.write(new byte[]{0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
        int noteOffset = 8 + 2 + 2 * 12 + 4;
        tiff.write(new byte[]{0x01, 0x0E, 0, 2, 0, 0, (byte) (note.length >> 8), (byte) note.length,
                0, 0, (byte) (noteOffset >> 8), (byte) noteOffset});
        tiff.write(new byte[]{0, 0, 0, 0});
        tiff.write(note);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray()));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** One JPEG marker segment: 0xFF, the marker, a two-byte length that counts itself, the content. */
    private static void segment(ByteArrayOutputStream out, int marker, byte[] content) throws IOException {
        out.write(0xFF);
        out.write(marker);
        out.write((content.length + 2) >> 8);
        out.write((content.length + 2) & 0xFF);
        out.write(content);
    }

    @Test
    void aPngsTextChunksAreStripped() throws IOException {
        String url = upload("现场.png", pngWithText(), s.convener()).get("url").toString();
        byte[] bytes = f.client.toBlocking().retrieve(HttpRequest.GET(url), byte[].class);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("黄大伯").doesNotContain("tEXt");
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getHeight()).isEqualTo(48);
    }

    @Test
    void fakeImagesPdfsAndDamagedFilesAreRefusedInChinese() throws IOException {
        var html = refused(() -> upload("photo.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), s.convener()));
        assertThat(html.getStatus().getCode()).isEqualTo(400);
        assertThat(detail(html)).contains("JPG");
        var pdf = refused(() -> upload("photo.jpg", "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII), s.convener()));
        assertThat(type(pdf)).endsWith("photo-type");
        assertThat(detail(pdf)).contains("只能是 JPG 或 PNG 图片");
        byte[] damaged = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x7F, 0x7F, '<', 's', 'c', 'r', 'i', 'p', 't', '>'};
        var broken = refused(() -> upload("photo.jpg", damaged, s.convener()));
        assertThat(type(broken)).endsWith("photo-damaged");
        assertThat(detail(broken)).contains("已损坏");
        var big = refused(() -> upload("big.png", new byte[300 * 1024], s.convener()));
        assertThat(big.getStatus().getCode()).isEqualTo(413);
        assertThat(f.count("select count(*) from council.decision_progress_photo where decision_id = ?::uuid", decisionId)).isZero();
    }

    @Test
    void onlyTheCouncilsConvenerAddsPhotos() throws IOException {
        byte[] png = pngWithText();
        for (String stranger : List.of(f.councilElsewhere(s).convener(), f.tokens.citizen(), f.tokens.staff("CLERK", s.village()))) {
            assertThat(refused(() -> upload("a.png", png, stranger)).getStatus().getCode()).isEqualTo(403);
        }
        assertThat(refused(() -> f.get("/api/v1/council/public/decisions/" + decisionId + "/photos/" + java.util.UUID.randomUUID(), null))
                .getStatus().getCode()).isEqualTo(404);
    }

    private Map<String, Object> remove(String photoId, String progress, Object body, String token) {
        return f.client.toBlocking().retrieve(HttpRequest.DELETE("/api/v1/council/decisions/" + decisionId + "/progress/" + progress
                + "/photos/" + photoId, body).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private static String idOf(Map<String, Object> photo) {
        return photo.get("id").toString();
    }

    private static boolean fileStored(String photoId) {
        return Files.exists(Path.of("target/council-photos", photoId + ".bin"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> photoIds(Map<String, Object> decision) {
        return ((List<Map<String, Object>>) ((List<Map<String, Object>>) decision.get("progressUpdates")).get(0).get("photos")).stream()
                .map(p -> p.get("id")).toList();
    }

    @Test
    void aConvenerRemovesAPhotoUploadedByMistakeWithAReasonAndItsFileIsDeleted() throws IOException {
        Map<String, Object> wrong = upload("IMG_0002.jpg", jpegWithExif(), s.convener());
        Map<String, Object> right = upload("现场.png", pngWithText(), s.convener());
        String wrongId = idOf(wrong);
        assertThat(fileStored(wrongId)).isTrue();

        Map<String, Object> after = remove(wrongId, progressId, Map.of("reason", "误传了别的村的照片"), s.convener());
        assertThat(photoIds(after)).containsExactly(idOf(right));
        assertThat(photoIds(f.get("/api/v1/council/public/decisions/" + decisionId, null))).containsExactly(idOf(right));
        assertThat(photoIds(f.get("/api/v1/council/decisions/" + decisionId, f.tokens.citizen()))).containsExactly(idOf(right));
        var gone = refused(() -> f.client.toBlocking().retrieve(HttpRequest.GET(wrong.get("url").toString()), byte[].class));
        assertThat(gone.getStatus().getCode()).isEqualTo(404);
        assertThat(fileStored(wrongId)).as("the encrypted bytes are deleted, not just hidden").isFalse();
        assertThat(fileStored(idOf(right))).isTrue();
        assertThat(f.client.toBlocking().retrieve(HttpRequest.GET(right.get("url").toString()), byte[].class)).isNotEmpty();

        assertThat(f.string("select removed_reason from council.decision_progress_photo where id = ?::uuid", wrongId))
                .isEqualTo("误传了别的村的照片");
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.decision.photo.remove' and target_id = ? and detail = ?",
                decisionId, wrongId + " 误传了别的村的照片")).isEqualTo(1);
        assertThat(f.count("""
                select count(*) from kernel.outbox where topic = 'council.decision.v1' and event_key = ? and event_type = 'DecisionProgressPhotoRemoved'
                and payload like ?""", decisionId, "%" + wrongId + "%")).isEqualTo(1);

        var twice = refused(() -> remove(wrongId, progressId, Map.of("reason", "再删一次"), s.convener()));
        assertThat(twice.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(twice)).contains("没有找到该照片");
    }

    @Test
    void removingAPhotoNeedsAReasonAndTheCouncilsConvenerAndChangesNothingOtherwise() throws IOException {
        Map<String, Object> photo = upload("现场.png", pngWithText(), s.convener());
        String id = idOf(photo);
        var blank = refused(() -> remove(id, progressId, Map.of("reason", " "), s.convener()));
        assertThat(blank.getStatus().getCode()).isEqualTo(400);
        assertThat(blank.getResponse().getBody(String.class).orElse("")).contains("删除照片须说明理由。");
        assertThat(refused(() -> remove(id, progressId, Map.of(), s.convener())).getStatus().getCode()).isEqualTo(400);
        var tooLong = refused(() -> remove(id, progressId, Map.of("reason", "误".repeat(201)), s.convener()));
        assertThat(tooLong.getStatus().getCode()).isEqualTo(400);
        assertThat(tooLong.getResponse().getBody(String.class).orElse("")).contains("理由不超过 200 个字。");

        for (String stranger : List.of(f.councilElsewhere(s).convener(), f.tokens.citizen(), f.tokens.staff("CLERK", s.village()),
                f.tokens.staff("ADMIN", f.otherDistrict(s.village())))) {
            assertThat(refused(() -> remove(id, progressId, Map.of("reason", "不要了"), stranger)).getStatus().getCode()).isEqualTo(403);
        }
        var unknown = refused(() -> remove(java.util.UUID.randomUUID().toString(), progressId, Map.of("reason", "不要了"), s.convener()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        var otherProgress = refused(() -> remove(id, java.util.UUID.randomUUID().toString(), Map.of("reason", "不要了"), s.convener()));
        assertThat(otherProgress.getStatus().getCode()).isEqualTo(404);
        var unknownDecision = refused(() -> f.client.toBlocking().retrieve(HttpRequest.DELETE("/api/v1/council/decisions/"
                + java.util.UUID.randomUUID() + "/progress/" + progressId + "/photos/" + id, Map.of("reason", "不要了")).bearerAuth(s.convener()),
                Argument.mapOf(String.class, Object.class)));
        assertThat(unknownDecision.getStatus().getCode()).isEqualTo(404);
        assertThat(detail(unknownDecision)).isEqualTo("没有找到该决策事项。");

        assertThat(fileStored(id)).isTrue();
        assertThat(f.client.toBlocking().retrieve(HttpRequest.GET(photo.get("url").toString()), byte[].class)).isNotEmpty();
        assertThat(f.count("select count(*) from council.decision_progress_photo where id = ?::uuid and removed_at is null", id)).isEqualTo(1);
        assertThat(f.count("select count(*) from kernel.audit_log where action = 'council.decision.photo.remove' and target_id = ?", decisionId))
                .isZero();
        assertThat(f.count("select count(*) from kernel.outbox where event_key = ? and event_type = 'DecisionProgressPhotoRemoved'", decisionId))
                .isZero();
        // An administrator covering the village may remove it, as they may upload.
        remove(id, progressId, Map.of("reason", "照片模糊，重新上传"), f.tokens.staff("ADMIN", s.village().substring(0, 6)));
        assertThat(fileStored(id)).isFalse();
    }

    /** A real JPEG with an APP1 EXIF segment carrying a location and a name, as phones write them. */
    private static byte[] jpegWithExif() throws IOException {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x336699);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        byte[] jpeg = plain.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, ("Exif\0\0" + SECRET).getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, "拍摄者 黄大伯".getBytes(StandardCharsets.UTF_8));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A real PNG with a tEXt chunk naming the author, inserted before the image data. */
    private static byte[] pngWithText() throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 48, BufferedImage.TYPE_INT_RGB), "png", plain);
        byte[] png = plain.toByteArray();
        int afterHeader = 8 + 12 + 13; // signature + IHDR chunk
        byte[] data = "Author\0黄大伯".getBytes(StandardCharsets.UTF_8);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.write(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
