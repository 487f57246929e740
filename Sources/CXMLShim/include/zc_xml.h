/*
 * zc_xml.h — the thin C shim between zhclaims and the system libxml2 (libxml2-dev).
 *
 * Like zc_icu.h and zc_pcre2.h, this header exposes only plain C types and `zc_xml_`-prefixed
 * names; only zc_xml.c includes <libxml/...>. It offers one thing: parse an HTML page (given as
 * UTF-8) with libxml2's error-tolerant HTML parser and walk the resulting tree as a stream of
 * element starts, element ends and text. What the text of a page is (which elements to drop,
 * which ones break lines) is decided by the Swift caller, not here.
 *
 * Failure is reported through an `int32_t *status` holding libxml2's xmlParserErrors value
 * (0 = success); `zc_xml_error_name` names it.
 */
#ifndef ZC_XML_H
#define ZC_XML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A parsed HTML document (opaque). Owned by one thread at a time; free with zc_xml_doc_free. */
typedef struct zc_xml_doc zc_xml_doc;

/** What a walk reports. */
typedef enum {
    ZC_XML_ELEMENT_START = 1,  /**< data: the element name, lowercase ASCII (e.g. "p", "h1") */
    ZC_XML_ELEMENT_END = 2,    /**< data: the element name; follows the element's content */
    ZC_XML_TEXT = 3,           /**< data: character data in UTF-8, entities already decoded */
} zc_xml_event;

/** What the visitor returns. */
typedef enum {
    ZC_XML_CONTINUE = 0,       /**< go on (into the element's content, for an ELEMENT_START) */
    ZC_XML_SKIP_CONTENT = 1,   /**< for an ELEMENT_START: skip the content; the ELEMENT_END still follows */
    ZC_XML_STOP = 2,           /**< end the walk now */
} zc_xml_visit_result;

/** Called once per event; `data` is valid only during the call and is not NUL-terminated. */
typedef int32_t (*zc_xml_visitor)(void *context, int32_t event, const char *data, int32_t length);

/**
 * Parses `length` bytes of UTF-8 (no BOM; charset declarations inside the page are ignored, the
 * bytes are UTF-8 by contract) with libxml2's HTML parser in recover mode, with error and
 * warning reports suppressed and network access forbidden. Malformed markup is repaired the way
 * libxml2 repairs it. Returns NULL with `*status` set when libxml2 builds no document at all
 * (e.g. XML_ERR_DOCUMENT_EMPTY for an empty or blank input, XML_ERR_NO_MEMORY).
 * Thread-safe: libxml2 is initialised once, on first use.
 */
zc_xml_doc *zc_xml_html_parse(const char *utf8, int32_t length, int32_t *status);

void zc_xml_doc_free(zc_xml_doc *doc);

/**
 * Walks the tree in document order without recursion (any nesting depth is safe), calling
 * `visit` for each element start and end and each text or CDATA node. Comments, processing
 * instructions and the doctype are not reported. Returns the number of events reported.
 */
int64_t zc_xml_walk(const zc_xml_doc *doc, zc_xml_visitor visit, void *context);

/** A name for a libxml2 status code, e.g. "XML_ERR_DOCUMENT_EMPTY" (or "libxml2 error N"). */
const char *zc_xml_error_name(int32_t status);

/** Status values the Swift side needs to recognise. */
int32_t zc_xml_status_document_empty(void);

#ifdef __cplusplus
}
#endif
#endif
