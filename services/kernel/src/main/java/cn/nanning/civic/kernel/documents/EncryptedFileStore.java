package cn.nanning.civic.kernel.documents;

import cn.nanning.civic.common.pii.FieldCipher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Uploaded documents on disk, AES-GCM encrypted (FieldCipher) and named only by our own random ids, in a directory
 * outside any web root. The purpose is bound into the encryption, so a file moved between stores does not decrypt.
 */
public final class EncryptedFileStore {

    private final FieldCipher cipher;
    private final Path directory;
    private final String purpose;

    public EncryptedFileStore(FieldCipher cipher, Path directory, String purpose) {
        this.cipher = cipher;
        this.directory = directory.toAbsolutePath();
        this.purpose = purpose;
    }

    /** Writes atomically (temp file, then move), so a reader never sees half a file. */
    public void put(UUID id, byte[] content) {
        byte[] encrypted = cipher.encryptBytes(content, context(id));
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "upload-", ".part");
            Files.write(temp, encrypted);
            Files.move(temp, pathOf(id), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store document " + id, e);
        }
    }

    public byte[] get(UUID id) {
        try {
            return cipher.decryptBytes(Files.readAllBytes(pathOf(id)), context(id));
        } catch (IOException e) {
            throw new UncheckedIOException("document " + id + " missing from the store", e);
        }
    }

    /** Removes a document for good; a document already gone is not an error. */
    public void delete(UUID id) {
        try {
            Files.deleteIfExists(pathOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete document " + id, e);
        }
    }

    public boolean exists(UUID id) {
        return Files.exists(pathOf(id));
    }

    /** Only our own random id names the file on disk. */
    private Path pathOf(UUID id) {
        return directory.resolve(id + ".bin");
    }

    private String context(UUID id) {
        return purpose + ":" + id;
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
