package org.embedscope.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.embedscope.bundle.BundleException;

/**
 * A TensorBoard projector's tensor file, as TensorBoard reads it: tab-separated values, one row per
 * point, or (when the file is not text) raw little-endian float32 values of the config's
 * {@code tensor_shape}, as {@code ndarray.tofile} writes them. Read once and kept.
 */
public final class ProjectorTensor implements MatrixInput {
    /** How much of the file's start is checked for text. */
    private static final int SNIFF = 4096;

    private final Path file;
    private final int[] shape;
    private Matrix matrix;

    /** @param shape the config's tensor_shape (rows, columns), or empty */
    public ProjectorTensor(Path file, int[] shape) {
        this.file = file;
        this.shape = shape.clone();
    }

    @Override
    public synchronized Matrix read() throws BundleException {
        if (matrix == null) matrix = isText() ? TextMatrix.read(file) : readBytes();
        return matrix;
    }

    @Override public Path file() { return file; }

    @Override public String name() { return file.getFileName().toString(); }

    /** TSV holds only digits, signs, points, exponents, nan/inf spellings and white space. */
    private boolean isText() throws BundleException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(SNIFF, ch.size()));
            while (b.hasRemaining() && ch.read(b) >= 0) { }
            for (int i = 0; i < b.position(); i++) {
                int c = b.get(i) & 0xff;
                boolean textual = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
                        || c == '\t' || c == '\n' || c == '\r' || c == ' ' || "naifNAIFty".indexOf(c) >= 0;
                if (!textual) return false;
            }
            return true;
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file (the projector config's tensor_path)");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
    }

    private Matrix readBytes() throws BundleException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (shape.length != 2 || shape[0] == 0 || shape[1] == 0) {
                throw new BundleException(file, null, "is not tab-separated text, so it is read as raw float32 values; the config "
                        + "must then give its shape (tensor_shape: ROWS tensor_shape: COLUMNS)");
            }
            long values = (long) shape[0] * shape[1];
            if (values * 4 != size) {
                throw new BundleException(file, null, "holds " + size + " bytes; tensor_shape " + shape[0] + " × " + shape[1]
                        + " of float32 needs " + values * 4);
            }
            if (values > Integer.MAX_VALUE - 8) throw new BundleException(file, null, "tensor_shape " + shape[0] + " × " + shape[1] + " is too large");
            float[] data = new float[(int) values];
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            int next = 0;
            while (next < data.length) {
                buf.clear();
                long left = (long) (data.length - next) * 4;
                if (left < buf.capacity()) buf.limit((int) left);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) throw new BundleException(file, null, "file ends early; it is truncated");
                }
                buf.flip();
                int k = buf.remaining() / 4;
                buf.asFloatBuffer().get(data, next, k);
                next += k;
            }
            return new Matrix(shape[0], shape[1], data, null);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, null, "no such file (the projector config's tensor_path)");
        } catch (IOException e) {
            throw new BundleException(file, null, "cannot read: " + BundleException.describe(e));
        }
    }
}
