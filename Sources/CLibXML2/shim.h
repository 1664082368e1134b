#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU support; its headers then include the system ICU headers, which clash with
// the ICU that Foundation bundles ("'UErrorCode' has different definitions in different modules"). Nothing
// here uses libxml2's ICU API, so switch it off before the parser headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
