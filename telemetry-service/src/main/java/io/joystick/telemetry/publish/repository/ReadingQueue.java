package io.joystick.telemetry.publish.repository;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.jboss.logging.Logger;

/**
 * Readings waiting for the broker, kept on disk so that neither a long outage nor a restart loses them:
 * append-only segment files of at most {@value #SEGMENT_READINGS} readings, named after the sequence number of
 * their first one, and a {@code cursor} file holding the sequence number of the first reading not yet delivered.
 * Bounded by count and by age: the oldest readings are dropped first, and counted.
 * <p>
 * One line per reading: {@code <sequence> <crc32> <sensor> <epoch millis> <json>}. The CRC covers the rest of
 * the line, so a line torn by a power cut is recognised and cut off when the queue is opened again.
 * <p>
 * Durability: {@link #sync()} flushes the newest segment and writes the cursor; its owner calls it about once a
 * second, so a power cut loses at most that second's readings, and readings delivered in that second are sent
 * again (at least once, as MQTT's QoS 1). Not thread-safe: the owner calls it from one thread.
 */
public final class ReadingQueue implements Closeable {

    static final int SEGMENT_READINGS = 1000;
    private static final Logger LOG = Logger.getLogger(ReadingQueue.class);
    private static final String SUFFIX = ".seg";
    private static final String CURSOR = "cursor";

    private final Path dir;
    private final long maxReadings;
    private final Duration maxAge;
    private final Clock clock;
    private final List<Segment> segments = new ArrayList<>();
    /** Delivered readings beyond the cursor (their predecessors are still in flight). */
    private final TreeSet<Long> acknowledged = new TreeSet<>();
    private FileChannel tail;
    /** The first reading not yet delivered. */
    private long cursor;
    /** The next reading {@link #next()} hands out. */
    private long sendNext;
    private SegmentReader reader;
    private long dropped;
    private boolean tailDirty;
    private boolean cursorDirty;

    private ReadingQueue(Path dir, long maxReadings, Duration maxAge, Clock clock) {
        if (maxReadings < 1) {
            throw new IllegalArgumentException("The queue must hold at least one reading");
        }
        this.dir = dir;
        this.maxReadings = maxReadings;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Opens the queue in {@code dir} (created if needed) with what an earlier run left there. */
    public static ReadingQueue open(Path dir, long maxReadings, Duration maxAge, Clock clock) throws IOException {
        ReadingQueue queue = new ReadingQueue(dir, maxReadings, maxAge, clock);
        Files.createDirectories(dir);
        queue.recover();
        return queue;
    }

    /** Adds a reading at the end; when the queue is over its bound, the oldest readings are dropped. */
    public void append(String sensor, Instant timestamp, byte[] json) throws IOException {
        for (byte b : json) {
            if (b == '\n') {
                throw new IllegalArgumentException("A queued reading must be one line of JSON");
            }
        }
        Segment last = segments.get(segments.size() - 1);
        if (last.end - last.first >= SEGMENT_READINGS) {
            last = roll();
        }
        long sequence = last.end;
        byte[] body = (" " + sensor + " " + timestamp.toEpochMilli() + " ").getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        crc.update(body);
        crc.update(json);
        byte[] head = (sequence + " " + Long.toHexString(crc.getValue())).getBytes(StandardCharsets.UTF_8);
        ByteBuffer line = ByteBuffer.allocate(head.length + body.length + json.length + 1);
        line.put(head).put(body).put(json).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            tail.write(line);
        }
        last.end++;
        last.newest = timestamp;
        tailDirty = true;
        enforceBounds();
    }

    /**
     * The next reading to send, oldest first, or empty when every queued reading has been handed out. A reading
     * at the head that is older than the age limit is dropped (and counted) instead.
     */
    public Optional<QueuedReading> next() throws IOException {
        while (sendNext < end()) {
            if (reader == null) {
                reader = seek(sendNext);
            }
            byte[] line = reader.nextLine();
            if (line == null) {
                int index = segments.indexOf(reader.segment);
                if (index == segments.size() - 1) {
                    return Optional.empty();
                }
                Segment following = segments.get(index + 1);
                reader.close();
                reader = new SegmentReader(following);
                sendNext = Math.max(sendNext, following.first);
                continue;
            }
            Line parsed = Line.parse(line);
            if (parsed == null || parsed.sequence < sendNext) {
                continue;
            }
            sendNext = parsed.sequence + 1;
            if (parsed.sequence == cursor && isExpired(parsed.timestamp)) {
                cursor++;
                dropped++;
                cursorMoved();
                continue;
            }
            return Optional.of(new QueuedReading(parsed.sequence, parsed.sensor, parsed.timestamp, parsed.json));
        }
        return Optional.empty();
    }

    /** The broker has the reading: once every earlier one is delivered too, the cursor moves past it. */
    public void acknowledge(long sequence) {
        if (sequence < cursor) {
            return;
        }
        acknowledged.add(sequence);
        boolean moved = false;
        while (!acknowledged.isEmpty() && acknowledged.first() == cursor) {
            acknowledged.pollFirst();
            cursor++;
            skipGap();
            moved = true;
        }
        if (moved) {
            cursorMoved();
        }
    }

    /** After a reconnection: hands out again everything not yet delivered, from the oldest. */
    public void rewind() {
        acknowledged.clear();
        sendNext = cursor;
        closeReader();
    }

    /** Drops the oldest whole segments that are past the age limit (the newest segment is checked on sending). */
    public void dropExpired() {
        long before = cursor;
        for (int i = 0; i < segments.size() - 1; i++) {
            Segment segment = segments.get(i);
            if (segment.end <= cursor) {
                continue;
            }
            if (segment.newest == null || !isExpired(segment.newest)) {
                break;
            }
            dropped += segment.end - Math.max(cursor, segment.first);
            cursor = segment.end;
        }
        skipGap();
        if (cursor != before) {
            cursorMoved();
        }
    }

    /** Flushes the newest segment to the disk and writes the cursor, each only if it changed. */
    public void sync() throws IOException {
        if (tailDirty) {
            tail.force(false);
            tailDirty = false;
        }
        if (cursorDirty) {
            Path temporary = dir.resolve(CURSOR + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(Long.toString(cursor).getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, dir.resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            cursorDirty = false;
        }
    }

    /** Readings queued and not yet delivered. */
    public long size() {
        long size = 0;
        for (Segment segment : segments) {
            size += Math.max(0, segment.end - Math.max(segment.first, cursor));
        }
        return size;
    }

    /** Readings dropped since the queue was opened, for being over the count or age limit. */
    public long dropped() {
        return dropped;
    }

    @Override
    public void close() throws IOException {
        try {
            sync();
        } finally {
            closeReader();
            tail.close();
        }
    }

    private void recover() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(path -> path.getFileName().toString().matches("\\d{20}" + SUFFIX))
                    .sorted().toList();
        }
        for (Path file : files) {
            Segment segment = scan(file);
            if (segment.end == segment.first) {
                Files.delete(file);
            } else {
                segments.add(segment);
            }
        }
        long stored = readCursor();
        if (segments.isEmpty()) {
            cursor = Math.max(stored, 1);
            createSegment(cursor);
        } else {
            long first = segments.get(0).first;
            long last = segments.get(segments.size() - 1).end;
            cursor = stored < first ? first : Math.min(stored, last);
            skipGap();
        }
        Segment last = segments.get(segments.size() - 1);
        tail = FileChannel.open(last.path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        sendNext = cursor;
        deleteConsumed();
        enforceBounds();
        if (size() > 0) {
            LOG.infof("%d readings queued for the broker from before (in %s)", size(), dir);
        }
    }

    /** Counts a segment's readings; a torn or corrupt line and whatever follows it are cut off. */
    private Segment scan(Path file) throws IOException {
        String name = file.getFileName().toString();
        Segment segment = new Segment(file, Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
        long valid = 0;
        try (SegmentReader lines = new SegmentReader(segment)) {
            byte[] line;
            while ((line = lines.nextLine()) != null) {
                Line parsed = Line.parse(line);
                if (parsed == null || parsed.sequence != segment.end) {
                    break;
                }
                segment.end++;
                segment.newest = parsed.timestamp;
                valid = lines.position;
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (channel.size() > valid) {
                LOG.warnf("Queue segment %s: %d bytes after reading %d are torn or corrupt; cut off", file,
                        channel.size() - valid, segment.end - 1);
                channel.truncate(valid);
                channel.force(true);
            }
        }
        return segment;
    }

    private long readCursor() throws IOException {
        Path file = dir.resolve(CURSOR);
        if (!Files.exists(file)) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            LOG.warnf("Unreadable queue cursor %s: sending every queued reading again", file);
            return -1;
        }
    }

    private Segment roll() throws IOException {
        tail.force(false);
        tail.close();
        tailDirty = false;
        Segment segment = createSegment(segments.get(segments.size() - 1).end);
        tail = FileChannel.open(segment.path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return segment;
    }

    private Segment createSegment(long first) throws IOException {
        Segment segment = new Segment(dir.resolve(String.format("%020d", first) + SUFFIX), first);
        Files.newByteChannel(segment.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
        syncDirectory();
        segments.add(segment);
        return segment;
    }

    /** Makes a new or renamed file's name durable too (Linux; elsewhere a no-op). */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // not supported here: the file's own contents are still flushed
        }
    }

    private void enforceBounds() {
        long excess = size() - maxReadings;
        while (excess > 0) {
            Segment segment = segmentAt(cursor);
            long take = Math.min(excess, segment.end - cursor);
            cursor += take;
            dropped += take;
            excess -= take;
            skipGap();
            cursorMoved();
        }
        dropExpired();
    }

    private boolean isExpired(Instant timestamp) {
        return timestamp.isBefore(clock.instant().minus(maxAge));
    }

    private long end() {
        return segments.get(segments.size() - 1).end;
    }

    /** The segment holding {@code sequence}, or the first one after it. */
    private Segment segmentAt(long sequence) {
        for (Segment segment : segments) {
            if (segment.end > sequence) {
                return segment;
            }
        }
        return segments.get(segments.size() - 1);
    }

    /** A segment cut short by corruption leaves a gap in the numbering: the cursor jumps over it. */
    private void skipGap() {
        Segment segment = segmentAt(cursor);
        if (cursor < segment.first) {
            cursor = segment.first;
        }
    }

    private void cursorMoved() {
        acknowledged.headSet(cursor).clear();
        if (sendNext < cursor) {
            sendNext = cursor;
            closeReader();
        }
        cursorDirty = true;
        deleteConsumed();
    }

    private void deleteConsumed() {
        while (segments.size() > 1 && segments.get(0).end <= cursor) {
            Segment consumed = segments.remove(0);
            if (reader != null && reader.segment == consumed) {
                closeReader();
            }
            try {
                Files.deleteIfExists(consumed.path);
            } catch (IOException e) {
                LOG.warnf("Could not delete the delivered queue segment %s: %s", consumed.path, e.getMessage());
            }
        }
    }

    private SegmentReader seek(long sequence) throws IOException {
        Segment segment = segmentAt(sequence);
        sendNext = Math.max(sequence, segment.first);
        return new SegmentReader(segment);
    }

    private void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private static final class Segment {
        final Path path;
        final long first;
        /** The sequence number after its last reading. */
        long end;
        Instant newest;

        Segment(Path path, long first) {
            this.path = path;
            this.first = first;
            this.end = first;
        }
    }

    private record Line(long sequence, String sensor, Instant timestamp, byte[] json) {

        /** The parsed line, or null when it is torn or corrupt. */
        static Line parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] fields = text.split(" ", 5);
            if (fields.length < 5) {
                return null;
            }
            try {
                long sequence = Long.parseLong(fields[0]);
                CRC32 crc = new CRC32();
                crc.update((fields[0] + " " + fields[2] + " " + fields[3] + " " + fields[4])
                        .getBytes(StandardCharsets.UTF_8));
                if (crc.getValue() != Long.parseLong(fields[1], 16)) {
                    return null;
                }
                return new Line(sequence, fields[2], Instant.ofEpochMilli(Long.parseLong(fields[3])),
                        fields[4].getBytes(StandardCharsets.UTF_8));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Reads a segment line by line; a last line without its newline (still being written, or torn) is not returned. */
    private static final class SegmentReader implements Closeable {
        final Segment segment;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(8192);
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        private long bufferStart = -1;
        /** Where the next line starts. */
        long position;

        SegmentReader(Segment segment) throws IOException {
            this.segment = segment;
            this.channel = FileChannel.open(segment.path, StandardOpenOption.READ);
        }

        byte[] nextLine() throws IOException {
            line.reset();
            long scan = position;
            while (true) {
                if (bufferStart < 0 || scan < bufferStart || scan >= bufferStart + buffer.limit()) {
                    buffer.clear();
                    int read = channel.read(buffer, scan);
                    buffer.flip();
                    bufferStart = scan;
                    if (read <= 0) {
                        return null;
                    }
                }
                int from = (int) (scan - bufferStart);
                for (int i = from; i < buffer.limit(); i++) {
                    if (buffer.get(i) == '\n') {
                        line.write(buffer.array(), from, i - from);
                        position = bufferStart + i + 1;
                        return line.toByteArray();
                    }
                }
                line.write(buffer.array(), from, buffer.limit() - from);
                scan = bufferStart + buffer.limit();
            }
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
        }
    }
}
