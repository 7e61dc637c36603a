package dev.berth.api.web;

import org.springframework.core.io.AbstractResource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;

/**
 * A JSON body made of parts written one after another, with its length known up front. A list of 10,000
 * pods is tens of MiB: copied into one array it would be allocated straight into the old generation of a
 * small heap and collected by full collections, one every few lists.
 */
final class SplicedJson extends AbstractResource {

    private final List<byte[]> parts;
    private final long length;

    SplicedJson(List<byte[]> parts) {
        this.parts = parts;
        long total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        this.length = total;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public InputStream getInputStream() {
        return new SequenceInputStream(Collections.enumeration(
                parts.stream().map(ByteArrayInputStream::new).toList()));
    }

    @Override
    public String getDescription() {
        return "JSON body of " + length + " bytes in " + parts.size() + " parts";
    }
}
