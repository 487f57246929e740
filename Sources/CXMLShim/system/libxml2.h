/* The libxml2 headers the CXMLShim target uses (see module.modulemap). */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
