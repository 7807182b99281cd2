package org.ledgerboard.auditor;

import org.ledgerboard.kafka.LedgerReader;
import org.ledgerboard.kafka.LedgerTopics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the auditor reads a ledger from: a JSON Lines export (position = line number) or a Kafka cluster. */
public interface LedgerSource {
    /** Receives each record with its position: the line number, or the offset in its partition. */
    interface Visitor {
        void record(long position, String competitionId, byte[] value) throws IOException;
    }

    void read(Visitor visitor);

    String describe();

    /** One record per line, as {@code export} writes them; blank lines are skipped. */
    static LedgerSource file(Path file) {
        return new LedgerSource() {
            @Override
            public void read(Visitor visitor) {
                try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    long number = 0;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        number++;
                        if (!line.isBlank()) {
                            visitor.record(number, null, line.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read ledger " + file, e);
                }
            }

            @Override
            public String describe() {
                return file.toString();
            }
        };
    }

    /** Every partition of {@code ledger.events} from the beginning to its end at the time of reading. */
    static LedgerSource kafka(String bootstrap) {
        return kafka(bootstrap, LedgerTopics.EVENTS);
    }

    /** Every partition of a topic from the beginning to its end at the time of reading, at replay pace. */
    static LedgerSource kafka(String bootstrap, String topic) {
        return new LedgerSource() {
            @Override
            public void read(Visitor visitor) {
                LedgerReader.readAll(bootstrap, topic, LedgerReader.Pace.REPLAY, r -> {
                    try {
                        visitor.record(r.offset(), r.key(), r.value());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }

            @Override
            public String describe() {
                return topic + " at " + bootstrap;
            }
        };
    }
}
