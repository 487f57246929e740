/* zc_xml.c — the only file in zhclaims that includes libxml2 headers. See zc_xml.h. */
#include "zc_xml.h"

#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

struct zc_xml_doc {
    xmlDocPtr doc;
};

static pthread_once_t zc_xml_once = PTHREAD_ONCE_INIT;

/* libxml2 still sends some messages to its generic error handler when reports are turned off. */
static void zc_xml_silent(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* xmlInitParser is not safe to run on two threads at once: run it once, before any parse. */
static void zc_xml_init(void) {
    xmlInitParser();
}

zc_xml_doc *zc_xml_html_parse(const char *utf8, int32_t length, int32_t *status) {
    *status = 0;
    pthread_once(&zc_xml_once, zc_xml_init);
    /* The error handlers are per thread in a threaded libxml2: set them on the calling thread. */
    xmlSetGenericErrorFunc(NULL, zc_xml_silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (utf8 == NULL || length <= 0) { *status = XML_ERR_DOCUMENT_EMPTY; return NULL; }

    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) { *status = XML_ERR_NO_MEMORY; return NULL; }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    xmlDocPtr doc = htmlCtxtReadMemory(ctxt, utf8, length, NULL, "UTF-8", options);
    int err = ctxt->errNo;
    htmlFreeParserCtxt(ctxt);
    if (doc == NULL) {
        *status = err != 0 ? err : XML_ERR_DOCUMENT_EMPTY;
        return NULL;
    }
    zc_xml_doc *out = xmlMalloc(sizeof *out);
    if (out == NULL) { xmlFreeDoc(doc); *status = XML_ERR_NO_MEMORY; return NULL; }
    out->doc = doc;
    return out;
}

void zc_xml_doc_free(zc_xml_doc *doc) {
    if (doc == NULL) return;
    xmlFreeDoc(doc->doc);
    xmlFree(doc);
}

static int32_t zc_xml_report(zc_xml_visitor visit, void *context, int32_t event, const xmlChar *data) {
    size_t n = data ? strlen((const char *)data) : 0;
    if (n > INT32_MAX) n = INT32_MAX;
    return visit(context, event, data ? (const char *)data : "", (int32_t)n);
}

int64_t zc_xml_walk(const zc_xml_doc *doc, zc_xml_visitor visit, void *context) {
    if (doc == NULL || doc->doc == NULL) return 0;
    const xmlNode *root = (const xmlNode *)doc->doc;
    const xmlNode *node = root->children;
    int64_t events = 0;
    while (node != NULL) {
        int descend = 0;
        switch (node->type) {
        case XML_ELEMENT_NODE: {
            int32_t r = zc_xml_report(visit, context, ZC_XML_ELEMENT_START, node->name);
            events++;
            if (r == ZC_XML_STOP) return events;
            if (r == ZC_XML_CONTINUE && node->children != NULL) {
                descend = 1;
            } else {
                events++;
                if (zc_xml_report(visit, context, ZC_XML_ELEMENT_END, node->name) == ZC_XML_STOP) return events;
            }
            break;
        }
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            events++;
            if (zc_xml_report(visit, context, ZC_XML_TEXT, node->content) == ZC_XML_STOP) return events;
            break;
        default: /* comments, processing instructions, the doctype, entity references */
            break;
        }
        if (descend) { node = node->children; continue; }
        /* Next sibling; at the end of a list, close the parents until one has a next sibling. */
        while (node != NULL && node->next == NULL) {
            node = node->parent;
            if (node == NULL || node == root) return events;
            if (node->type == XML_ELEMENT_NODE) {
                events++;
                if (zc_xml_report(visit, context, ZC_XML_ELEMENT_END, node->name) == ZC_XML_STOP) return events;
            }
        }
        if (node == NULL) break;
        node = node->next;
    }
    return events;
}

const char *zc_xml_error_name(int32_t status) {
    switch (status) {
    case XML_ERR_OK: return "XML_ERR_OK";
    case XML_ERR_NO_MEMORY: return "XML_ERR_NO_MEMORY";
    case XML_ERR_DOCUMENT_EMPTY: return "XML_ERR_DOCUMENT_EMPTY";
    case XML_ERR_DOCUMENT_END: return "XML_ERR_DOCUMENT_END";
    case XML_ERR_INVALID_CHAR: return "XML_ERR_INVALID_CHAR";
    case XML_ERR_INVALID_ENCODING: return "XML_ERR_INVALID_ENCODING";
    case XML_ERR_UNSUPPORTED_ENCODING: return "XML_ERR_UNSUPPORTED_ENCODING";
    case XML_ERR_INTERNAL_ERROR: return "XML_ERR_INTERNAL_ERROR";
    case XML_ERR_NAME_REQUIRED: return "XML_ERR_NAME_REQUIRED";
    case XML_ERR_TAG_NAME_MISMATCH: return "XML_ERR_TAG_NAME_MISMATCH";
    case XML_ERR_USER_STOP: return "XML_ERR_USER_STOP";
    default: return "libxml2 error";
    }
}

int32_t zc_xml_status_document_empty(void) { return XML_ERR_DOCUMENT_EMPTY; }
