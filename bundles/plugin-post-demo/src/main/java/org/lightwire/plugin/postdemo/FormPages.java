package org.lightwire.plugin.postdemo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The two pages the demo answers with: the form (GET on the mount) and the results of a
 * submission. Plain HTML with no script or inline style, so a strict Content-Security-Policy
 * on the vhost does not break them. Result rows carry {@code data-} attributes so
 * programs (the integration tests) can read them without scraping table cells.
 */
final class FormPages {

    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private FormPages() {
    }

    /** The form, posting to {@code action} (the mountpoint): the fields lws' test page posts. */
    static ByteBuffer form(String action) {
        String a = HtmlText.escape(action);
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>protocol-post-demo</title></head>
                <body>
                <h1>Form test</h1>
                <p>Served by the <code>protocol-post-demo</code> plugin. Submitting either form posts to
                <code>%1$s</code>; the answer lists every field and, for files, the size and SHA-256 of
                what arrived.</p>
                <h2>multipart/form-data</h2>
                <form action="%1$s" method="post" enctype="multipart/form-data">
                <p><label>Text <input type="text" name="text" value=""></label>
                <input type="submit" name="send" value="Send"></p>
                <p><label>File <input type="file" name="file"></label>
                <input type="submit" name="upload" value="Upload"></p>
                </form>
                <h2>application/x-www-form-urlencoded</h2>
                <form action="%1$s" method="post">
                <p><label>Text <input type="text" name="text" value=""></label>
                <input type="submit" name="send" value="Send"></p>
                </form>
                </body>
                </html>
                """.formatted(a);
        return utf8(html);
    }

    /** The results of one submission; {@code back} is the form's address. */
    static ByteBuffer result(FormResult result, String back) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Form results</title></head>
                <body>
                <h1>Form results</h1>
                """);
        sb.append("<h2>Fields (").append(result.fields().size()).append(")</h2>\n");
        sb.append("<table class=\"fields\">\n<tr><th>name</th><th>value</th></tr>\n");
        for (FormField f : result.fields()) {
            String name = HtmlText.escape(f.name());
            String value = HtmlText.escape(f.value());
            sb.append("<tr class=\"field\" data-name=\"").append(name).append("\" data-value=\"").append(value)
                    .append("\"><td>").append(name).append("</td><td>").append(value).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        sb.append("<h2>Files (").append(result.files().size()).append(")</h2>\n");
        sb.append("<table class=\"files\">\n<tr><th>field</th><th>file name</th><th>type</th><th>size</th>"
                + "<th>SHA-256</th></tr>\n");
        for (UploadedFile f : result.files()) {
            String field = HtmlText.escape(f.field());
            String fileName = HtmlText.escape(f.fileName());
            String type = HtmlText.escape(f.contentType().orElse(""));
            sb.append("<tr class=\"file\" data-field=\"").append(field).append("\" data-name=\"").append(fileName)
                    .append("\" data-size=\"").append(f.size()).append("\" data-sha256=\"").append(f.sha256())
                    .append("\"><td>").append(field).append("</td><td>").append(fileName).append("</td><td>")
                    .append(type).append("</td><td>").append(f.size()).append("</td><td>").append(f.sha256())
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n<p><a href=\"").append(HtmlText.escape(back)).append("\">Back to the form</a></p>\n");
        sb.append("</body>\n</html>\n");
        return utf8(sb.toString());
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
