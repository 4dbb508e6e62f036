package org.lightwire.plugin.postdemo;

import java.util.List;

/** What one submission carried, in the order received. */
record FormResult(List<FormField> fields, List<UploadedFile> files) {

    FormResult {
        fields = List.copyOf(fields);
        files = List.copyOf(files);
    }
}
