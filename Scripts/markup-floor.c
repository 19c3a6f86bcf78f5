/* The markup floor of Scripts/bench.sh: libxml2 doing what pubgate asks of it and nothing else.
 * HTML goes through the recovering HTML parser with a SAX handler (the options and callbacks
 * XMLKit's MarkupParser.parseHTML sets; the callbacks only count), XML through xmlCtxtReadMemory
 * into a tree that is then freed (MarkupParser.parseXML's options). Each file is read whole into
 * memory first, as pubgate reads it. `xmllint --html --sax` is not this floor: libxml2 2.9.14
 * ignores --html when --sax is given and parses HTML as XML.
 *   markup-floor FILE...      (prints the number of character bytes the HTML handlers saw)
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long seen;

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    (void)ctx;
    seen += name ? 1 : 0;
    for (int i = 0; atts && atts[i]; i++) seen += 1;
}
static void on_end(void *ctx, const xmlChar *name) { (void)ctx; (void)name; }
static void on_characters(void *ctx, const xmlChar *bytes, int count) { (void)ctx; (void)bytes; seen += (unsigned)count; }
static void on_comment(void *ctx, const xmlChar *value) { (void)ctx; (void)value; }

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static char *read_all(const char *path, long *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *length = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc(*length > 0 ? (size_t)*length : 1);
    if (bytes && fread(bytes, 1, (size_t)*length, f) != (size_t)*length) { free(bytes); bytes = NULL; }
    fclose(f);
    return bytes;
}

static void parse_html(const char *bytes, long length) {
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) return;
    memset(ctxt->sax, 0, sizeof(htmlSAXHandler));
    ctxt->sax->startElement = on_start;
    ctxt->sax->endElement = on_end;
    ctxt->sax->characters = on_characters;
    ctxt->sax->cdataBlock = on_characters;
    ctxt->sax->comment = on_comment;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, bytes, (int)length, NULL, "UTF-8", options);
    if (doc) xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
}

static void parse_xml(const char *bytes, long length) {
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC
        | XML_PARSE_RECOVER | XML_PARSE_HUGE | XML_PARSE_BIG_LINES;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) return;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)length, NULL, "UTF-8", options);
    if (doc) xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
}

int main(int argc, char **argv) {
    xmlInitParser();
    for (int i = 1; i < argc; i++) {
        int html = ends_with(argv[i], ".html") || ends_with(argv[i], ".htm");
        if (!html && !ends_with(argv[i], ".xml")) continue;
        long length = 0;
        char *bytes = read_all(argv[i], &length);
        if (!bytes) { fprintf(stderr, "markup-floor: cannot read %s\n", argv[i]); continue; }
        if (html) parse_html(bytes, length); else parse_xml(bytes, length);
        free(bytes);
    }
    printf("%llu\n", seen);
    return 0;
}
