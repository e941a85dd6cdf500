package cn.nanning.civic.common.pii;

import java.util.List;

/**
 * The columns a module encrypts with {@link FieldCipher}, so {@link Reencryption} can move their rows to the current
 * key after a rotation. Each module with encrypted columns registers one bean of this type.
 *
 * @param columns every encrypted column of the module
 */
public record EncryptedColumns(List<Column> columns) {

    /**
     * @param table    schema-qualified table, e.g. {@code volunteers.volunteer}
     * @param idColumn its primary key column
     * @param column   the encrypted column
     * @param context  the associated data the values were encrypted with (FieldCipher's {@code column} argument)
     */
    public record Column(String table, String idColumn, String column, String context) {
    }
}
