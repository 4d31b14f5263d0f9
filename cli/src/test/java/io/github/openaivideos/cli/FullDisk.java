package io.github.openaivideos.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel on a disk that fills up: after {@link #writesLeft} writes, a write puts half of
 * its bytes on the disk and then fails with "No space left on device", as a real full disk may.
 * Setting {@link #writesLeft} again frees space; {@link #truncateFails} makes cutting the file fail
 * too.
 */
final class FullDisk extends FileChannel {
  private final FileChannel disk;
  volatile int writesLeft;
  volatile boolean truncateFails;

  FullDisk(FileChannel disk, int writesLeft) {
    this.disk = disk;
    this.writesLeft = writesLeft;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (writesLeft <= 0) {
      ByteBuffer half = src.duplicate();
      half.limit(half.position() + half.remaining() / 2);
      disk.write(half);
      throw new IOException("No space left on device");
    }
    writesLeft--;
    return disk.write(src);
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (truncateFails) {
      throw new IOException("Input/output error");
    }
    disk.truncate(size);
    return this;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return disk.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return disk.read(dsts, offset, length);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    throw new IOException("not used by the journal");
  }

  @Override
  public long position() throws IOException {
    return disk.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    disk.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return disk.size();
  }

  @Override
  public void force(boolean metaData) throws IOException {
    disk.force(metaData);
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return disk.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    throw new IOException("not used by the journal");
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return disk.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    throw new IOException("not used by the journal");
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    throw new IOException("not used by the journal");
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return disk.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return disk.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    disk.close();
  }
}
